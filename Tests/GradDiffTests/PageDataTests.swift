import Testing
@testable import GradDiff

/// The HTML page's data: the steps of both passes, what each node receives and the
/// running sums (fan-out), `--explain`'s text per node, warnings on their nodes, spans
/// in UTF-16 offsets, the stepping limit, and JSON that cannot end its script element.
@Suite struct PageDataTests {
    func data(_ program: String, _ bindings: String, limit: Int = PageFormatter.steppingNodeLimit,
              kinks: KinkConvention = .zero) throws -> PageData {
        let evaluation = try Evaluation.run(parseProgram(program), bindings: parseBindings(bindings), kinks: kinks)
        return PageData(evaluation.result, notes: evaluation.pageNotes, OutputOptions(), steppingLimit: limit)
    }

    func passes(_ data: PageData) -> [String] {
        data.steps.map { step in
            switch step {
            case .forward(let node): "f\(node)"
            case .seed(let node): "s\(node)"
            case .backward(let node, let sends): "b\(node)→" + sends.map { "\($0.to)" }.joined(separator: ",")
            case .done: "done"
            }
        }
    }

    @Test func seedExampleStepsLikeTheLectureNotes() throws {
        let page = try data("p = x + y; g = p * z", "x=1 y=3 z=-3")
        #expect(page.nodes.map(\.label) == ["x", "y", "p", "z", "g"])
        #expect(passes(page) == ["f0", "f1", "f2", "f3", "f4", "s4", "b4→2,3", "b2→0,1", "done"])
        #expect(page.nodes[2].backward == "p = x + y  dg/dp = -3\n  x ← dg/dp · ∂p/∂x = -3 · 1 = -3\n  y ← dg/dp · ∂p/∂y = -3 · 1 = -3\n")
        #expect(page.nodes[2].forward == "p = x + y = 1 + 3 = 4\n")
        #expect(page.nodes[3].arrivals.map(\.edge) == ["1 · 4 = 4"])
        #expect(page.nodes[4].inputs.map { "\($0.node) \($0.formula) \($0.partial)" } == ["2 z -3", "3 p 4"])
        #expect(page.nodes.map(\.gradientText) == ["-3", "-3", "-3", "4", "1"])
        let explain = ExplainFormatter(try evaluate("p = x + y; g = p * z", "x=1 y=3 z=-3").result, OutputOptions()).backward()
        for node in page.nodes {
            #expect(explain.contains(try #require(node.backward)), "\(node.label)'s lines are --explain's")
        }
    }

    /// x·x + x: x gets three contributions, two along the two inputs of x·x.
    @Test func fanOutArrivesInTheOrderOfThePlusEquals() throws {
        let page = try data("x*x + x", "x=3")
        let x = page.nodes[0]
        #expect(x.arrivals.map { "\($0.from).\($0.slot)" } == ["2.1", "1.0", "1.1"])
        #expect(x.arrivals.map(\.product) == ["1", "3", "3"])
        #expect(x.arrivals.map(\.sum) == ["1", "4", "7"])
        #expect(x.backward == "  x  dn2/dx = 1 + 3 + 3 = 7  (sum of 3 paths)\n")
        #expect(passes(page) == ["f0", "f1", "f2", "s2", "b2→1,0", "b1→0,0", "done"])
    }

    @Test func warningsSitOnTheirNodes() throws {
        let kink = try data("relu(x) * 2", "x=0")
        #expect(kink.nodes.map { $0.notes.count } == [0, 1, 0, 0])
        #expect(kink.nodes[1].notes[0].contains("n1 is evaluated at a kink: relu(x) at x = 0"))
        #expect(kink.nodes[1].notes[0].contains("(--kink zero)"))
        #expect(kink.notes == kink.nodes[1].notes, "and among the run's warnings")
        let nan = try data("log(x) + x", "x=-1")
        #expect(nan.nodes[1].notes.count == 1 && nan.nodes[1].notes[0].contains("n1 = log(x) is nan"))
        let backward = try data("sqrt(x) * 0", "x=0")
        #expect(backward.nodes[1].notes.first?.contains("the backward pass first becomes nan at n1") == true)
    }

    /// Spans are UTF-16 offsets: θ is one code unit, 𝑥 two; a byte that is not UTF-8
    /// reads as one U+FFFD.
    @Test func spansAreJavaScriptStringOffsets() throws {
        let page = try data("θ*𝑥 + θ", "θ=1 𝑥=2")
        let utf16 = Array(page.source.utf16)
        let texts = page.nodes.map { node in node.span.map { String(decoding: utf16[$0.start..<$0.end], as: UTF16.self) } }
        #expect(texts == ["θ", "𝑥", "θ*𝑥", "θ*𝑥 + θ"])
        let source = PageSource([0x61, 0xFF, 0x62, 0xE2, 0x82], limit: 100)
        #expect(source.text == "a\u{FFFD}b\u{FFFD}\u{FFFD}")
        #expect(source.range(of: SourceSpan(start: 2, end: 3))! == (2, 3))
        let cut = PageSource(Array("x + y".utf8), limit: 3)
        #expect(cut.text == "x +" && cut.isCut && cut.range(of: SourceSpan(start: 4, end: 5)) == nil)
    }

    @Test func pastTheLimitThereIsNothingToStep() throws {
        let page = try data("x*y + y", "x=1 y=2", limit: 3)
        #expect(!page.stepping && page.nodeCount == 4 && page.nodes.isEmpty && page.steps.isEmpty)
        #expect(page.json().contains("\"stepping\": false"))
    }

    @Test func jsonCannotEndTheScriptElement() throws {
        let page = try data("# </script><script>alert(1)</script>\nx * 2", "x=1")
        let json = page.json()
        #expect(!json.contains("<"))
        #expect(json.contains("\\u003c/script>"))
        #expect(json.hasPrefix("{\"format\": \"graddiff-page\", \"version\": 1, "))
    }
}
