import Foundation
import Testing

/// The HTML pages in a real browser: this test makes the pages with the built binary,
/// with the `--format json` and `--explain` output of the same runs to compare against,
/// and runs Tests/Browser/page_test.py, which opens them in headless Chromium through
/// Debian's chromium-driver and python3-selenium (scripts/install-deps installs all
/// three). The script's output, with the time to first paint and per step of a
/// 200-node page, is printed; a failed check fails this test with that output.
@Suite struct PageBrowserTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A seed example: the program, its bindings, values and gradients the page must
    /// end with, and the nodes whose `--explain` lines a click must show.
    struct Seed {
        var name: String
        var arguments: [String]
        var expect: [String: [Double]]
        var inspect: [String]
    }

    static let seeds = [
        Seed(name: "(x+y)*z (seed 002)", arguments: ["(x+y)*z", "x=1", "y=3", "z=-3"],
             expect: ["x": [1, -3], "y": [3, -3], "z": [-3, 4], "n4": [-12, 1]], inspect: ["n2", "x"]),
        Seed(name: "apples, oranges and tax (seed 003)",
             arguments: ["apple_price = apple * apple_num; orange_price = orange * orange_num; "
                         + "all_price = apple_price + orange_price; price = all_price * tax",
                         "apple=100", "apple_num=2", "orange=150", "orange_num=3", "tax=1.1"],
             expect: ["price": [715, 1], "apple": [100, 2.2], "apple_num": [2, 110], "orange": [150, 3.3000000000000003],
                      "orange_num": [3, 165], "tax": [1.1, 650], "all_price": [650, 1.1]],
             inspect: ["all_price", "orange", "tax"]),
        Seed(name: "sigmoid neuron (seed 004, CS231n)", arguments: ["1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))",
                                                                    "w0=2", "x0=-1", "w1=-3", "x1=-2", "w2=-3"],
             expect: ["n13": [0.7310585786300049, 1], "w0": [2, -0.19661193324148185], "w1": [-3, -0.3932238664829637],
                      "w2": [-3, 0.19661193324148185], "x0": [-1, 0.3932238664829637], "x1": [-2, -0.5898357997244456]],
             inspect: ["1", "w0", "n10"]),
    ]

    /// A program summing `terms` products of inputs with defaults: 4 × terms − 1 nodes.
    static func wideProgram(terms: Int) -> String {
        (1...terms).map { "x\($0) = \($0 % 7 + 1)\ny\($0) = 0.5\n" }.joined()
            + (1...terms).map { "x\($0) * y\($0)" }.joined(separator: " + ") + "\n"
    }

    /// About 200 nodes of named steps: 40 × (x, sin, y, mul), 39 additions, 2 and the division.
    static let twoHundredNodes = (1...40).map { "x\($0) = 0.\($0)\ny\($0) = 2\nt\($0) = sin(x\($0)) * y\($0)\n" }.joined()
        + "loss = (" + (1...40).map { "t\($0)" }.joined(separator: " + ") + ") / 2\n"

    @Test func pagesWorkInHeadlessChromium() throws {
        guard Graphviz.isAvailable(), Self.browserIsAvailable() else { return }
        let work = try makeTemporaryDirectory()
        defer { if ProcessInfo.processInfo.environment["GRADDIFF_KEEP_BROWSER_FILES"] == nil { try? FileManager.default.removeItem(at: work) } }
        func page(_ name: String, _ arguments: [String]) throws -> String {
            let path = work.appendingPathComponent(name).path
            let result = try GraddiffBinary.run(["-q", "--render", path] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return path
        }
        var seeds: [[String: Any]] = []
        for (index, seed) in Self.seeds.enumerated() {
            let json = try GraddiffBinary.run(["--format", "json"] + seed.arguments)
            let explain = try GraddiffBinary.run(["--explain"] + seed.arguments)
            seeds.append(["name": seed.name, "page": try page("seed\(index).html", seed.arguments),
                          "json": try GraddiffProcess.json(json.stdout), "explain": explain.stdout,
                          "expect": seed.expect, "inspect": seed.inspect])
        }
        var notes: [[String: Any]] = []
        for (name, arguments, label, contains) in [("kink", ["relu(x) * 2", "x=0"], "n1", "is evaluated at a kink"),
                                                   ("nan", ["log(x) + x", "x=-1"], "n1", "is nan")] {
            let run = try GraddiffBinary.run(arguments)
            notes.append(["name": name, "page": try page("\(name).html", arguments), "label": label,
                          "contains": contains, "stderr": run.stderr])
        }
        let wide = work.appendingPathComponent("wide.gd")
        try Self.wideProgram(terms: 700).write(to: wide, atomically: true, encoding: .utf8)
        let timed = work.appendingPathComponent("two-hundred.gd")
        try Self.twoHundredNodes.write(to: timed, atomically: true, encoding: .utf8)
        let manifest: [String: Any] = [
            "work": work.path, "seeds": seeds, "keys": seeds[0],
            "tooltip": ["page": seeds[0]["page"]!, "edge": "1 · 4 = 4", "tip": "∂n4/∂z = n2 = 4"],
            "notes": notes,
            "large": ["page": try page("wide.html", ["-f", wide.path]), "nodeCount": 2799],
            "timing": ["page": try page("two-hundred.html", ["-f", timed.path]), "nodeCount": 201],
        ]
        let manifestFile = work.appendingPathComponent("manifest.json")
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestFile)
        let script = Self.root.appendingPathComponent("Tests/Browser/page_test.py").path
        let result = try runProcess("/usr/bin/timeout", ["900", "/usr/bin/python3", script, manifestFile.path])
        print(result.stdout)
        #expect(result.status == 0, "page_test.py failed (status \(result.status)):\n\(result.stdout)\(result.stderr)")
    }

    /// Whether Chromium, its driver and Selenium are installed; if not, the test fails
    /// saying how to install them, unless GRADDIFF_SKIP_BROWSER=1 says to skip it.
    static func browserIsAvailable(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let files = ["/usr/bin/python3", "/usr/bin/chromium", "/usr/bin/chromedriver"]
        let missing = files.filter { !FileManager.default.isExecutableFile(atPath: $0) }
        let selenium = missing.contains("/usr/bin/python3") ? nil
            : try? runProcess("/usr/bin/python3", ["-c", "import selenium"])
        if missing.isEmpty && selenium?.status == 0 { return true }
        if ProcessInfo.processInfo.environment["GRADDIFF_SKIP_BROWSER"] == "1" { return false }
        var absent = missing
        if selenium?.status != 0 { absent.append("python3's selenium") }
        let message = "the browser test needs chromium, chromium-driver and python3-selenium: run scripts/install-deps "
            + "(missing: \(absent.joined(separator: ", ")); GRADDIFF_SKIP_BROWSER=1 skips it)"
        Issue.record("\(message)", sourceLocation: sourceLocation)
        return false
    }
}
