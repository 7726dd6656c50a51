/// What the HTML page's script reads (`--render page.html`): every node in tape order
/// with what the page shows about it, and the steps of both passes. Numbers are
/// written here as the terminal writes them (`NumberFormat` at `--precision`) and the
/// chain-rule text is `--explain`'s own, so the page and the terminal agree digit for
/// digit. `init` is the one place that reads the evaluation; PageData+JSON.swift
/// writes the result, and the man page's OUTPUT FORMATS section describes it.
public struct PageData: Sendable {
    /// ∂node/∂input for one input, from the rule table: the formula over labels
    /// (`z` for ∂(p * z)/∂p) and its number.
    public struct Input: Sendable {
        public var node: Int
        public var formula: String
        public var partial: String
    }

    /// One contribution a node receives in the backward pass: node `from` sends its
    /// gradient times ∂from/∂(this node) along its input `slot`.
    public struct Arrival: Sendable {
        public var from: Int
        public var slot: Int
        public var product: String
        /// The sum of the contributions so far; after the last one, the gradient.
        public var sum: String
        /// `gradient · partial = product`, as the edge is labelled when it is sent.
        public var edge: String
    }

    public struct Node: Sendable {
        public var label: String
        public var op: String
        /// The node's expression, as in the table's expression column.
        public var text: String
        /// Where the node was written, as UTF-16 offsets into `source` (JavaScript's
        /// string indices); nil when it lies past the end of the text kept.
        public var span: (start: Int, end: Int)?
        public var value: Double
        public var gradient: Double
        public var valueText: String
        public var gradientText: String
        /// Whether the backward pass visits it: the output depends on it (and with
        /// `--wrt`, it lies on a path from those inputs).
        public var onPaths: Bool
        public var inputs: [Input] = []
        /// Its line of `--explain=forward` (nil for constants, which it leaves out).
        public var forward: String?
        /// Its lines of `--explain`: its gradient, then what it sends to each input.
        public var backward: String?
        public var arrivals: [Arrival] = []
        /// What the internal ops in its partials mean (`[a > 0] is 1 if a > 0, else 0`).
        public var meanings: [String] = []
        /// The kink and nan/inf warnings about this node, as the terminal shows them.
        public var notes: [String] = []
    }

    public enum Step: Sendable {
        /// The node's value is computed.
        case forward(node: Int)
        /// The output's gradient is set to 1.
        case seed(node: Int)
        /// The node sends gradient · local partial to each input: arrival number
        /// `arrival` of node `to`, along the node's input `slot`.
        case backward(node: Int, sends: [(to: Int, arrival: Int, slot: Int)])
        /// Every node has its gradient.
        case done
    }

    /// The most bytes of the program's text the page carries.
    public static let sourceLimit = 1 << 20

    public var sourceName: String
    public var source: String
    public var sourceIsCut: Bool
    public var output: Int
    public var nodeCount: Int
    /// Whether the page steps through the passes; false past the stepping limit, when
    /// `nodes` and `steps` are empty and the picture shows the final numbers.
    public var stepping: Bool
    public var steppingLimit: Int
    public var precision: Int
    public var kink: String
    /// The run's warnings as the terminal shows them, then `pageNotes`.
    public var notes: [String]
    public var nodes: [Node] = []
    public var steps: [Step] = []

    public init(_ result: PassResult, notes run: PageNotes, _ options: OutputOptions, steppingLimit: Int, pageNotes: [String] = []) {
        let tape = result.tape
        let renderer = DiagnosticRenderer(useColor: false)
        let text = PageSource(run.source.bytes, limit: Self.sourceLimit)
        sourceName = run.source.name
        source = text.text
        sourceIsCut = text.isCut
        output = Int(result.output)
        nodeCount = tape.count
        stepping = tape.count <= steppingLimit
        self.steppingLimit = steppingLimit
        precision = options.precision
        kink = result.kinkConvention.rawValue
        notes = (run.warnings + run.numericWarnings).map(renderer.render) + pageNotes
        guard stepping else { return }

        func number(_ value: Double) -> String { NumberFormat.significant(value, digits: options.precision) }
        let onPaths = result.nodesOnPaths(from: options.wrt)
        let nodeText = NodeText(tape)
        nodes = (0..<tape.count).map { i in
            let id = NodeID(i)
            var node = Node(label: tape.label(of: id), op: tape.ops[i].name, text: nodeText[id],
                            span: text.range(of: tape.spans[i]), value: result.values[i],
                            gradient: result.gradients[i], valueText: number(result.values[i]),
                            gradientText: number(result.gradients[i]), onPaths: onPaths[i])
            let partials = result.localPartials(of: id)
            node.inputs = partials.map { Input(node: Int($0.input), formula: $0.formula.text, partial: number($0.value)) }
            let own: Set<Op> = FormulaAlgebra.internalOps.contains(tape.ops[i]) ? [tape.ops[i]] : []
            node.meanings = FormulaAlgebra.meanings(of: partials.reduce(into: own) { $0.formUnion($1.formula.internalOps) })
            return node
        }
        let explain = ExplainFormatter(result, options)
        for line in explain.forwardLines() { nodes[Int(line.node)].forward = line.text }
        steps = explain.forwardLines().map { .forward(node: Int($0.node)) } + [.seed(node: output)]
        let narration = explain.backwardNarration()
        for lines in narration.steps + narration.leaves { nodes[Int(lines.node)].backward = lines.text }
        var sums = Array(repeating: 0.0, count: tape.count)
        for lines in narration.steps {
            let sender = Int(lines.node)
            var sends: [(to: Int, arrival: Int, slot: Int)] = []
            // The narration's own sends, in its order: the inputs on paths.
            for (slot, partial) in result.localPartials(of: lines.node).enumerated() where onPaths[Int(partial.input)] {
                let to = Int(partial.input)
                let arrival = nodes[to].arrivals.count
                let product = narration.received[to][arrival]
                sums[to] += product
                let last = arrival == narration.received[to].count - 1
                let factor = number(partial.value)
                nodes[to].arrivals.append(Arrival(
                    from: sender, slot: slot, product: number(product),
                    sum: number(last ? result.gradients[to] : sums[to]),
                    edge: "\(nodes[sender].gradientText) · \(factor.hasPrefix("-") ? "(\(factor))" : factor) = \(number(product))"))
                sends.append((to, arrival, slot))
            }
            steps.append(.backward(node: sender, sends: sends))
        }
        steps.append(.done)
        attachNotes(run.kinkWarnings + run.numericWarnings, kinkWarnings: run.kinkWarnings, result, renderer)
    }

    /// Puts each kink and nan/inf warning on the node it is about: the last node the
    /// output depends on written at the warning's span (a kink: the last such node
    /// with a kink in its rule). A warning without a span stays in `notes` only.
    private mutating func attachNotes(_ warnings: [LocatedDiagnostic], kinkWarnings: [LocatedDiagnostic], _ result: PassResult,
                                      _ renderer: DiagnosticRenderer) {
        let tape = result.tape
        let reaches = result.reachesOutput
        let kinks = Set(kinkWarnings.compactMap(\.diagnostic.span))
        for warning in warnings {
            guard let span = warning.diagnostic.span else { continue }
            let isKink = kinks.contains(span)
            let node = (0..<tape.count).last { i in
                reaches[i] && tape.spans[i] == span && (!isKink || tape.ops[i].hasKink)
            }
            if let node { nodes[node].notes.append(renderer.render(warning)) }
        }
    }
}
