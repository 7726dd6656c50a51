import Foundation
import Testing

/// The engine's floor plan (docs/ARCHITECTURE.md), checked on the sources: a folder of
/// `Sources/GradDiff` may use only folders on floors below its own, so the pipeline reads
/// from the folder names and no two folders depend on each other. "Uses" means names a
/// type declared in the other folder (comments and strings stripped), as
/// `../shared/tools/folder-cycles.py` reads it.
@Suite struct FloorPlanTests {
    /// Each folder's floor, lowest first. A new folder fails the test until it is placed.
    static let floors: [String: Int] = [
        "Source": 0, "Numbers": 0, "Threads": 0,
        // Memory faults pages in and fills arrays on other threads (Threads).
        "Diagnostics": 1, "Ops": 1, "Memory": 1,
        "Lexer": 2, "Graph": 2,
        // Tensors lowers vectors and matrices onto the tape (Graph) for the parser above it.
        "Printing": 3, "Tensors": 3,
        "Parser": 4, "Passes": 4,
        "Output": 5,
        "Session": 6,
        "Repl": 7, "Minimize": 7,
    ]

    /// The most lines a source file may have: one responsibility a file.
    static let maximumFileLines = 250

    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    @Test func everyArrowPointsDown() throws {
        let engine = Self.sources.appendingPathComponent("GradDiff")
        let folders = try FileManager.default.contentsOfDirectory(atPath: engine.path).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(Self.floors.keys), "place every folder of Sources/GradDiff on a floor")
        let files = try Self.swiftFiles(under: engine)
        let violations = FolderDependencies(files: files).arrows.filter { arrow in
            guard let from = Self.floors[arrow.from], let to = Self.floors[arrow.to] else { return true }
            return to >= from
        }
        #expect(violations.isEmpty, "arrows that do not point down: \(violations.map(\.description))")
    }

    @Test func noSourceFileIsLong() throws {
        for file in try Self.swiftFiles(under: Self.sources) {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            #expect(lines <= Self.maximumFileLines, "\(file.path) has \(lines) lines; split it by concern")
        }
    }

    /// The reader finds an arrow up and a cycle when there is one (so the test above can fail).
    @Test func theReaderSeesArrows() {
        let files = [
            SourceFile(path: "Low/A.swift", text: "/// uses High in a comment only: HighThing\npublic struct LowThing { var name = \"HighThing\" }\n"),
            SourceFile(path: "High/B.swift", text: "final class HighThing {\n    let low: LowThing\n}\n"),
            SourceFile(path: "Mid/C.swift", text: "enum MidThing { static func f(_ h: HighThing) {} }\n"),
        ]
        let arrows = Set(FolderDependencies(files: files).arrows.map(\.description))
        #expect(arrows == ["High -> Low (LowThing)", "Mid -> High (HighThing)"])
    }

    static func swiftFiles(under root: URL) throws -> [SourceFile] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [SourceFile] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            files.append(SourceFile(path: relative, text: try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }
}

struct SourceFile {
    /// Relative to the folder whose subfolders are compared (`Parser/Parser.swift`).
    var path: String
    var text: String
    var folder: String { String(path.split(separator: "/").first ?? "") }
}

/// Which folder names a type declared in which other, from the text of the sources.
struct FolderDependencies {
    struct Arrow: CustomStringConvertible {
        var from: String
        var to: String
        var types: [String]
        var description: String { "\(from) -> \(to) (\(types.joined(separator: ", ")))" }
    }

    let arrows: [Arrow]

    init(files: [SourceFile]) {
        let declaration = try! Regex(
            #"(?m)^(?:(?:public|package|internal|private|fileprivate|final|indirect|nonisolated|@\w+(?:\([^)]*\))?)[ \t]+)*(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)"#)
        let typeName = try! Regex(#"\b[A-Z]\w*\b"#)
        let stripped = files.map { (folder: $0.folder, text: Self.strippingCommentsAndStrings($0.text)) }
        var homes: [String: Set<String>] = [:]
        for file in stripped {
            for match in file.text.matches(of: declaration) {
                if let name = match.output[1].substring { homes[String(name), default: []].insert(file.folder) }
            }
        }
        var found: [String: [String: Set<String>]] = [:]
        for file in stripped {
            for match in file.text.matches(of: typeName) {
                let name = String(file.text[match.range])
                guard let home = homes[name], home.count == 1, let to = home.first, to != file.folder else { continue }
                found[file.folder, default: [:]][to, default: []].insert(name)
            }
        }
        arrows = found.keys.sorted().flatMap { from in
            found[from]!.keys.sorted().map { to in Arrow(from: from, to: to, types: found[from]![to]!.sorted()) }
        }
    }

    /// The text with comments and string literals removed, so that neither invents an arrow.
    static func strippingCommentsAndStrings(_ text: String) -> String {
        var result = text
        for pattern in [#"(?s)/\*.*?\*/"#, #"//[^\n]*"#, #"(?s)""".*?""""#, #""(?:\\.|[^"\\\n])*""#] {
            result = result.replacing(try! Regex(pattern), with: "\"\"")
        }
        return result
    }
}
