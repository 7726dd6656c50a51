import Foundation
import Testing

/// Every JSON shape the man page documents (json under OUTPUT FORMATS) has exactly the
/// keys graddiff writes: a key added to the output but not to the page, or documented
/// but no longer written, fails here.
@Suite struct JSONShapeTests {
    /// A run that writes one shape. `omits` are the documented keys this run leaves out
    /// (the page says when: "only in a program with vectors or matrices").
    struct Case: CustomTestStringConvertible, Sendable {
        var shape: String
        var arguments: [String]
        var input: String? = nil
        var omits: Set<String> = []
        var testDescription: String { "\(shape): graddiff " + arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(shape: "gradients", arguments: ["--format", "json", "(x+y)*z", "x=1", "y=3", "z=-3"], omits: ["nodes.shape"]),
        Case(shape: "gradients", arguments: ["--format", "json", "s = sum(sigmoid(W @ x)) + c", "W=[[1,2],[3,4]]",
                                             "x=[1,-1]", "c=2"]),
        Case(shape: "forward", arguments: ["--format", "json", "--tangent", "x=1,y=0", "x*y + y", "x=2", "y=3"]),
        Case(shape: "forward", arguments: ["--format", "json", "--mode", "forward", "x^2", "x=3"]),
        Case(shape: "jacobian-steps", arguments: ["--format", "json", "--jacobian", "--output", "p,g", "p = x + y; g = p * z",
                                                  "x=1", "y=3", "z=-3"]),
        Case(shape: "jacobian-steps", arguments: ["--format", "json", "--jacobian", "x*y", "x=2", "y=3"]),
        Case(shape: "jacobian-tensor", arguments: ["--format", "json", "--jacobian", "v = [x*y, x+y]", "x=2", "y=3"],
             omits: ["mode", "forward_multiply_adds", "reverse_multiply_adds"]),
        Case(shape: "jacobian-tensor", arguments: ["--format", "json", "--jacobian", "--mode", "forward", "M = [[x, y], [x*y, 1]]",
                                                   "x=1", "y=2"]),
        Case(shape: "hessian", arguments: ["--format", "json", "--hessian", "x^2*y", "x=1", "y=2"]),
        Case(shape: "order", arguments: ["--format", "json", "--order", "3", "sin(x)", "x=1"]),
        Case(shape: "check", arguments: ["--format", "json", "--check", "abs(x) + sin(y)", "x=0", "y=1"]),
        Case(shape: "batch", arguments: ["--format", "json", "--batch", "-", "x*y"], input: "id,x,y\na1,1,2\na2,3,4\n"),
        Case(shape: "session-tensor", arguments: ["--format", "json"], input: "v = [1, 2]; W = [[1, 2], [3, 4]]\n2*v\nW @ v\n",
             omits: ["needs"]),
        Case(shape: "session-tensor", arguments: ["--format", "json"], input: "W = [[1, 2], [3, 4]]\nW @ [x, 1]\n"),
    ]

    @Test(arguments: cases)
    func writesTheDocumentedKeys(_ example: Case) throws {
        let documented = try Self.documentedKeys(example.shape)
        #expect(example.omits.isSubset(of: documented), "the man page does not document \(example.omits.subtracting(documented).sorted())")
        let result = try GraddiffProcess.run(example.arguments, input: example.input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        try #require(!lines.isEmpty, "no output: \(result.stderr)")
        for line in lines {
            let written = Self.keys(of: try GraddiffProcess.json(String(line)))
            let expected = documented.subtracting(example.omits)
            #expect(written.subtracting(expected).isEmpty,
                    "written but not documented under '\(example.shape)': \(written.subtracting(expected).sorted())")
            #expect(expected.subtracting(written).isEmpty,
                    "documented under '\(example.shape)' but not written: \(expected.subtracting(written).sorted())")
        }
    }

    /// Every shape the page documents has a case, so a new shape cannot go unchecked.
    @Test func everyDocumentedShapeIsRun() throws {
        let page = try String(contentsOf: ManPageTests.page, encoding: .utf8)
        let shapes = Set(page.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix(Self.marker) ? String(line.dropFirst(Self.marker.count)) : nil
        })
        #expect(shapes == Set(Self.cases.map(\.shape)))
        for shape in shapes { #expect(try Self.documentedKeys(shape).count >= 2, "\(shape) lists too few keys") }
    }

    /// The comment line that starts a shape's key list in the man page.
    static let marker = ".\\\" JSON keys: "

    /// The keys the man page lists for `shape`: the first word of each `.TP` entry after
    /// the shape's marker, until the next marker or section; entries inside an `.RS`
    /// block that an entry opens are that entry's elements' keys (`nodes.id`).
    static func documentedKeys(_ shape: String) throws -> Set<String> {
        let page = try String(contentsOf: ManPageTests.page, encoding: .utf8)
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: marker + shape), "the man page has no '\(marker + shape)'")
        var keys: Set<String> = []
        var parents: [String] = []
        var lastKey = ""
        var entryStarts = false
        for line in lines[(start + 1)...] {
            if line.hasPrefix(marker) || line.hasPrefix(".SS ") || line.hasPrefix(".SH ") { break }
            if entryStarts, line.hasPrefix(".B ") || line.hasPrefix(".BR ") {
                let key = line.split(separator: " ")[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                lastKey = key
                keys.insert((parents + [key]).filter { !$0.isEmpty }.joined(separator: "."))
            }
            entryStarts = line == ".TP"
            if line == ".RS" {
                parents.append(lastKey)
                lastKey = ""
            } else if line == ".RE" {
                lastKey = parents.popLast() ?? ""
            }
        }
        return keys
    }

    /// The keys of `object`, and of the objects in its arrays of objects as `key.inner`;
    /// an object under a key is a map from names (variables, columns) and adds no keys.
    static func keys(of object: [String: Any], prefix: String = "") -> Set<String> {
        var keys: Set<String> = []
        for (key, value) in object {
            keys.insert(prefix + key)
            if let elements = value as? [[String: Any]] {
                for element in elements { keys.formUnion(self.keys(of: element, prefix: prefix + key + ".")) }
            }
        }
        return keys
    }
}
