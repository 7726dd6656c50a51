import Foundation
import Testing
@testable import GradDiff

/// Number formats, the JSON contract, CSV/TSV/Markdown, the table, and how node text
/// is printed with minimal parentheses.
struct OutputTests {
    // MARK: Numbers

    @Test("significant digits", arguments: [
        (0.7310585786300049, 10, "0.7310585786"), (-12.0, 10, "-12"), (220.00000000000003, 10, "220"),
        (715.0000000000001, 10, "715"), (1e20, 10, "1e+20"), (1.5e-7, 10, "1.5e-07"),
        (123456789012.0, 10, "1.23456789e+11"), (9999999999.5, 10, "1e+10"), (0.1 + 0.2, 17, "0.30000000000000004"),
        (2.0 / 3.0, 3, "0.667"), (0.73, 0, "0.7"), (1.0 / 3.0, 40, "0.33333333333333331"), (-1e-300, 10, "-1e-300"),
        (0.0, 10, "0"), (-0.0, 10, "0"), (Double.nan, 10, "nan"), (Double.infinity, 10, "inf"), (-Double.infinity, 10, "-inf"),
        (-0.19661193324148185, 10, "-0.1966119332"), (100.0, 10, "100"),
    ])
    func significant(_ value: Double, _ digits: Int, _ expected: String) {
        #expect(NumberFormat.significant(value, digits: digits) == expected)
    }

    @Test("shortest round-trip form", arguments: [
        (220.0, "220"), (3.3000000000000003, "3.3000000000000003"), (715.0000000000001, "715.0000000000001"),
        (1e-05, "1e-05"), (0.1, "0.1"), (-0.0, "-0"), (0.0, "0"), (1e16, "1e+16"), (-2.5, "-2.5"), (100.0, "100"),
        (123456789.0, "123456789"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
    ])
    func shortest(_ value: Double, _ expected: String) {
        #expect(NumberFormat.shortest(value) == expected)
    }

    @Test func shortestReadsBackExactly() {
        var generator = SplitMix64(seed: 0x5EED_0F_0A7)
        var checked = 0
        while checked < 2000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite, value != 0 else { continue }
            let text = NumberFormat.shortest(value)
            #expect(Double(text)?.bitPattern == value.bitPattern, "\(value) printed as \(text)")
            #expect(!text.hasSuffix(".0"))
            checked += 1
        }
    }

    // MARK: JSON

    /// The JSON of `text` at `bindings`, parsed back with Foundation.
    func json(_ text: String, _ bindings: String, _ options: OutputOptions = OutputOptions()) throws -> (raw: String, object: [String: Any]) {
        let raw = JSONFormatter.render(try evaluate(text, bindings).result, options)
        let parsed = try JSONSerialization.jsonObject(with: Data(raw.utf8))
        return (raw, try #require(parsed as? [String: Any]))
    }

    @Test func jsonShape() throws {
        let (raw, object) = try json("(x + y) * z", "x=1 y=3 z=-3")
        #expect(raw.hasSuffix("\n"))
        #expect(Set(object.keys) == ["value", "gradient", "nodes"])
        #expect(object["value"] as? Double == -12)
        let gradient = try #require(object["gradient"] as? [String: Any])
        #expect(gradient as? [String: Double] == ["x": -3, "y": -3, "z": 4])
        // Variables appear in first-appearance order.
        #expect(raw.contains("\"gradient\": {\"x\": -3, \"y\": -3, \"z\": 4}"))
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == 5)
        for (index, node) in nodes.enumerated() {
            #expect(Set(node.keys) == ["id", "op", "name", "text", "inputs", "value", "grad"], "node \(index)")
            #expect(node["id"] as? Int == index)
        }
        #expect(nodes.map { $0["op"] as? String } == ["var", "var", "add", "var", "mul"])
        #expect(nodes.map { $0["name"] as? String } == ["x", "y", nil, "z", nil])
        #expect(nodes[2]["name"] is NSNull)
        #expect(nodes.map { $0["text"] as? String } == ["x", "y", "x + y", "z", "(x + y) * z"])
        #expect(nodes.map { $0["inputs"] as? [Int] } == [[], [], [0, 1], [], [2, 3]])
        #expect(nodes.map { $0["value"] as? Double } == [1, 3, 4, -3, -12])
        #expect(nodes.map { $0["grad"] as? Double } == [-3, -3, -3, 4, 1])
    }

    @Test func jsonOfAProgramNamesSteps() throws {
        let (_, object) = try json("p = x + y; g = p * z", "x=1 y=3 z=-3")
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["name"] as? String } == ["x", "y", "p", "z", "g"])
        #expect(nodes.last?["text"] as? String == "p * z")
    }

    @Test func jsonWithRespectToSelectedVariables() throws {
        let (raw, _) = try json("(x + y) * z", "x=1 y=3 z=-3", OutputOptions(wrt: ["z", "x"]))
        #expect(raw.contains("\"gradient\": {\"z\": 4, \"x\": -3}"))
    }

    @Test func jsonWritesNonFiniteNumbersAsStrings() throws {
        let (raw, object) = try json("log(x) + 1/y", "x=-1 y=0")
        #expect(object["value"] as? String == "nan")
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let reciprocal = try #require(nodes.first { $0["op"] as? String == "div" })
        #expect(reciprocal["value"] as? String == "inf")
        #expect(!raw.contains("NaN") && !raw.contains("Infinity"))
        let (_, negative) = try json("-1/y", "y=0")
        #expect(negative["value"] as? String == "-inf")
    }

    @Test func jsonNumbersAreShortestRoundTrip() throws {
        let (raw, object) = try json("x / 3", "x=1")
        #expect(raw.contains("\"value\": 0.3333333333333333,"))
        #expect(object["value"] as? Double == 1.0 / 3.0)
    }

    @Test("JSON string escaping", arguments: [
        "plain", "quote \" inside", "back\\slash", "new\nline", "tab\tand\rreturn", "control \u{01} \u{1F}",
        "θ σ_1 π 🙂", "",
    ])
    func jsonStringEscaping(_ text: String) throws {
        let literal = JSONFormatter.string(text)
        #expect(literal.hasPrefix("\"") && literal.hasSuffix("\""))
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 }, "raw control character in \(literal.debugDescription)")
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test func jsonControlCharactersUseFourHexDigits() {
        #expect(JSONFormatter.string("\u{01}") == "\"\\u0001\"")
        #expect(JSONFormatter.string("\u{1F}") == "\"\\u001f\"")
        #expect(JSONFormatter.string("\"\\") == "\"\\\"\\\\\"")
    }

    // MARK: CSV, TSV, Markdown

    /// Splits RFC 4180 CSV into rows of cells.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        cell.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(cell)
                cell = ""
            } else if character == "\n" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    @Test func csvQuotesCellsWithCommas() throws {
        let evaluation = try evaluate("max(x, y) * 2", "x=1 y=2.5")
        let csv = DelimitedFormatter.csv(evaluation.result)
        #expect(csv.contains("\"max(x, y)\""))
        #expect(parseCSV(csv) == [
            ["id", "name", "op", "text", "value", "grad"],
            ["0", "x", "var", "x", "1", "0"],
            ["1", "y", "var", "y", "2.5", "2"],
            ["2", "", "max", "max(x, y)", "2.5", "2"],
            ["3", "", "const", "2", "2", ""],
            ["4", "", "mul", "max(x, y) * 2", "5", "1"],
        ])
    }

    @Test func csvKeepsFullPrecision() throws {
        let evaluation = try evaluate("(apple * apple_num + orange * orange_num) * tax",
                                      "apple=100 apple_num=2 orange=150 orange_num=3 tax=1.1")
        let rows = parseCSV(DelimitedFormatter.csv(evaluation.result))
        let orange = try #require(rows.first { $0.count > 1 && $0[1] == "orange" })
        #expect(orange[5] == "3.3000000000000003")
    }

    @Test func tsvHasNoQuoting() throws {
        let evaluation = try evaluate("max(x, y) * 2", "x=1 y=2.5")
        let lines = DelimitedFormatter.tsv(evaluation.result).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "id\tname\top\ttext\tvalue\tgrad")
        #expect(lines[3] == "2\t\tmax\tmax(x, y)\t2.5\t2")
        #expect(lines.last == "")
        #expect(lines.count == 7)
    }

    @Test func markdownTable() throws {
        let evaluation = try evaluate("(x + y) * z", "x=1 y=3 z=-3")
        let lines = DelimitedFormatter.markdown(evaluation.result, OutputOptions()).split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[0] == "| node | op | expression | value | gradient |")
        #expect(lines[1] == "|---|---|---|--:|--:|")
        #expect(lines[4] == "| n2 | add | `x + y` | 4 | -3 |")
    }

    // MARK: The table

    @Test func tableRowsAndAlignment() throws {
        let evaluation = try evaluate("(x + y) * z", "x=1 y=3 z=-3")
        let table = TableFormatter.render(evaluation.result, OutputOptions())
        #expect(table == (try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../GraddiffCLITests/Goldens/computational-graph-g.table.txt"), encoding: .utf8)))
    }

    @Test func tablePrecision() throws {
        let evaluation = try evaluate("sigmoid(z)", "z=1")
        let rows = TableFormatter.rows(evaluation.result) { NumberFormat.significant($0, digits: 4) }
        #expect(rows.last == ["n1", "sigmoid", "sigmoid(z)", "0.7311", "1"])
        #expect(rows.first == ["z", "var", "z", "1", "0.1966"])
    }

    // MARK: Node text

    @Test("minimal parentheses", arguments: [
        ("(x + y) * z", "(x + y) * z"), ("x - (y - z)", "x - (y - z)"), ("(x - y) - z", "x - y - z"),
        ("x + (y + z)", "x + (y + z)"), ("x + (y - z)", "x + (y - z)"), ("x * (y / z)", "x * (y / z)"),
        ("(x / y) * z", "x / y * z"), ("x / (y * z)", "x / (y * z)"), ("(a^b)^c", "(a^b)^c"), ("a^b^c", "a^b^c"),
        ("a^(b^c)", "a^b^c"), ("-(x + y)", "-(x + y)"), ("(-x)^2", "(-x)^2"), ("-(x^2)", "-x^2"),
        ("(-x) * y", "-x * y"), ("-(x * y)", "-(x * y)"), ("x * -y", "x * (-y)"), ("x - -y", "x - (-y)"),
        ("x + -3", "x + (-3)"), ("(-2)^x", "(-2)^x"), ("sin(x + y) * 2", "sin(x + y) * 2"), ("(x + y)^2", "(x + y)^2"),
        ("2^(x * y)", "2^(x * y)"), ("exp(-x)", "exp(-x)"), ("atan2(y, x + 1)", "atan2(y, x + 1)"),
        ("pi * e", "pi * e"), ("-pi", "-pi"), ("1.5e-7 * x", "1.5e-07 * x"), ("(x)", "x"), ("x*y - (x - y)*2", "x * y - (x - y) * 2"),
        ("x / -2", "x / (-2)"), ("(x*y)^(x+y)", "(x * y)^(x + y)"), ("-x - -x", "-x - (-x)"),
    ])
    func minimalParentheses(_ expression: String, _ expected: String) throws {
        let point = ["x": 1.25, "y": -0.5, "z": 3, "a": 1.5, "b": 0.5, "c": 2]
        let original = try parseAndDifferentiate(expression, point)
        let text = NodeText(original.tape, maximumWidth: 1000)[original.output]
        #expect(text == expected)
        // The printed text means the same: it parses to the same ops with the same value.
        let reparsed = try parseAndDifferentiate(text, point)
        #expect(reparsed.tape.ops == original.tape.ops)
        #expect(reparsed.values[Int(reparsed.output)].bitPattern == original.values[Int(original.output)].bitPattern)
    }

    @Test func longTextNamesInnerNodesByLabel() throws {
        let result = try parseAndDifferentiate("(x + y) * z", ["x": 1, "y": 2, "z": 3])
        let narrow = NodeText(result.tape, maximumWidth: 5)
        #expect(narrow[2] == "x + y")
        #expect(narrow[4] == "n2 * z")
        let program = try parseProgram("p = x + y; p * z")
        #expect(NodeText(program.tape)[try #require(program.output)] == "p * z")
    }
}
