/// An operand of a tensor node: another tensor node, or a scalar node of the tape.
struct TensorRef: Hashable, Sendable {
    /// ≥ 0: a tensor node; < 0: the tape node -(raw + 1).
    let raw: Int32

    static func tensor(_ id: Int32) -> TensorRef { TensorRef(raw: id) }
    static func scalar(_ node: NodeID) -> TensorRef { TensorRef(raw: -node - 1) }

    var tensor: Int32? { raw >= 0 ? raw : nil }
    var scalar: NodeID? { raw < 0 ? -raw - 1 : nil }
}

/// One vector- or matrix-valued operation as the user wrote it, and the scalar tape
/// nodes it was lowered to.
struct TensorNode: Sendable {
    var op: TensorOp
    var shape: TensorShape
    /// Its operands (a literal's are its elements, kept in `elements`).
    var inputs: [TensorRef]
    var span: SourceSpan
    /// Where its elements start in `TensorGraph.elements`, row-major, `shape.count` of
    /// them; -1 for a constant whose numbers are not on the tape yet.
    var elementStart: Int32
    /// The tape nodes its lowering appended: `tapeStart..<tapeEnd` (empty when every
    /// node it needed existed already).
    var tapeStart: Int32
    var tapeEnd: Int32
    /// A constant's numbers (row-major), kept until something needs them on the tape.
    var values: [Double] = []
    /// How a literal or constant was written (`[1, 2]`, `randn(2, 3)`), when short.
    var text = ""
}

/// The tensor layer in front of the scalar tape: every vector- or matrix-valued
/// operation of a program, with its shape and the tape ids of its elements, so that the
/// output and `--explain` can show the program at the level it was written while the
/// passes, `--check`, `--hessian`, `graddiff diff` and `minimize` work on the tape as
/// always. Shapes are known here before any number is computed.
struct TensorGraph: Sendable {
    private(set) var nodes: [TensorNode] = []
    private(set) var elements: [NodeID] = []
    /// Names in scope that mean a vector or matrix (the latest version of each).
    var scope: [String: Int32] = [:]
    /// The inputs by the name a binding gives them (`W`, not `W#2`).
    var inputs: [String: Int32] = [:]
    /// The names steps and inputs gave to nodes (`z`, `W`, `W#2`).
    var names: [Int32: String] = [:]
    /// Every vector- or matrix-valued statement, in order (for warnings and `--output`).
    var steps: [(name: String, node: Int32, span: SourceSpan)] = []
    /// The last statement's value when it is a vector or matrix; nil when it is a scalar.
    var output: Int32?
    /// The shapes of the free names that bindings give a vector or matrix (`x=[1,2]`).
    var boundShapes: [String: TensorShape] = [:]
    /// Where `randn` draws from: seeded, so a program gets the same numbers every run.
    var random = RandomNormal(seed: RandomNormal.defaultSeed)
    /// Nodes by what they compute, so `(W @ x) * (W @ x)` has one `W @ x`.
    private var index: [Key: Int32] = [:]

    fileprivate struct Key: Hashable, Sendable {
        let op: TensorOp
        let inputs: [TensorRef]
    }

    init() {}

    var isEmpty: Bool { nodes.isEmpty }

    /// Whether a name may mean a vector or matrix: one is in scope, or a binding shapes one.
    @inline(__always)
    var mayNameTensors: Bool { !scope.isEmpty || !boundShapes.isEmpty }
    var count: Int { nodes.count }

    /// Each node's own tape range (its lowering, or an input's variables), where it has one.
    var tapeRanges: [Range<Int>] {
        nodes.filter { $0.tapeStart >= 0 && $0.tapeStart < $0.tapeEnd }.map { Int($0.tapeStart)..<Int($0.tapeEnd) }
    }

    subscript(id: Int32) -> TensorNode { nodes[Int(id)] }

    /// The tape ids of node `id`'s elements, row-major (empty for a constant still off the tape).
    func elements(of id: Int32) -> ArraySlice<NodeID> {
        let node = nodes[Int(id)]
        guard node.elementStart >= 0 else { return [] }
        let start = Int(node.elementStart)
        return elements[start..<(start + node.shape.count)]
    }

    func shape(of ref: TensorRef) -> TensorShape {
        ref.tensor.map { nodes[Int($0)].shape } ?? .scalar
    }

    /// The node already computing `op` on `inputs`, if any (never for literals, inputs
    /// and constants, whose identity is their text).
    func existing(_ op: TensorOp, _ inputs: [TensorRef]) -> Int32? {
        index[Key(op: op, inputs: inputs)]
    }

    /// Adds a node whose elements are `elements` (row-major) and whose lowering appended
    /// the tape nodes from `tapeStart` to `tapeEnd`. Unindexed (a step's own copy), it is
    /// never found by `existing`: the same op on the same operands keeps finding the original.
    @discardableResult
    mutating func append(_ op: TensorOp, shape: TensorShape, inputs: [TensorRef], elements nodes: [NodeID],
                         tapeStart: Int, tapeEnd: Int, span: SourceSpan, indexed: Bool = true) -> Int32 {
        precondition(nodes.count == shape.count, "a node has one element per entry of its shape")
        let id = Int32(self.nodes.count)
        self.nodes.append(TensorNode(op: op, shape: shape, inputs: inputs, span: span, elementStart: Int32(elements.count),
                                     tapeStart: Int32(tapeStart), tapeEnd: Int32(tapeEnd)))
        elements += nodes
        switch op {
        case .input, .constant, .literal: break
        default: if indexed { index[Key(op: op, inputs: inputs)] = id }
        }
        return id
    }

    /// Adds a constant whose numbers are not on the tape yet.
    mutating func appendConstant(_ values: [Double], shape: TensorShape, span: SourceSpan, text: String) -> Int32 {
        let id = Int32(nodes.count)
        nodes.append(TensorNode(op: .constant, shape: shape, inputs: [], span: span, elementStart: -1,
                                tapeStart: -1, tapeEnd: -1, values: values, text: text))
        return id
    }

    /// Records how node `id` was written (a literal's text).
    mutating func setText(_ text: String, of id: Int32) {
        nodes[Int(id)].text = text
    }

    /// Puts a constant's numbers on the tape (once) and returns its elements.
    mutating func materialize(_ id: Int32, into builder: inout TapeBuilder) -> ArraySlice<NodeID> {
        if nodes[Int(id)].elementStart >= 0 { return elements(of: id) }
        let start = builder.tape.count
        let span = nodes[Int(id)].span
        nodes[Int(id)].elementStart = Int32(elements.count)
        for value in nodes[Int(id)].values { elements.append(builder.constant(value, at: span)) }
        nodes[Int(id)].tapeStart = Int32(start)
        nodes[Int(id)].tapeEnd = Int32(builder.tape.count)
        return elements(of: id)
    }

    /// The numbers of a constant node, or nil for any other node.
    func constantValues(_ ref: TensorRef) -> [Double]? {
        guard let id = ref.tensor, nodes[Int(id)].op == .constant else { return nil }
        return nodes[Int(id)].values
    }

    /// The input node a binding named `name` sets, if the program has one.
    func input(named name: String) -> Int32? { inputs[name] }

    /// The shape of every name that means a vector or matrix, in scope or bound (what a
    /// function's body may not read).
    func shapesByName() -> [String: TensorShape] {
        boundShapes.merging(scope.mapValues { nodes[Int($0)].shape }) { $1 }
    }

    /// How a node is called: its step or input name, or `t<k>` (k counting from 1).
    func label(of id: Int32) -> String {
        names[id] ?? "t\(id + 1)"
    }

    /// A scalar statement: `name` (if it names one) no longer means a vector or matrix,
    /// and the output is a scalar.
    mutating func scalarStatement(named name: String?) {
        if let name { scope[name] = nil }
        output = nil
    }

    // MARK: Taking statements back

    /// Drops the nodes from `count` on, which a statement made before it turned out to
    /// be a constant (whose tape nodes are dropped too).
    mutating func truncate(toCount count: Int) {
        guard count < nodes.count else { return }
        let elementCount = nodes[count...].filter { $0.elementStart >= 0 }.map { Int($0.elementStart) }.min() ?? elements.count
        nodes.removeLast(nodes.count - count)
        elements.removeLast(elements.count - Swift.min(elementCount, elements.count))
        for i in nodes.indices where nodes[i].op == .constant && Int(nodes[i].elementStart) >= elements.count {
            (nodes[i].elementStart, nodes[i].tapeStart, nodes[i].tapeEnd) = (-1, -1, -1)
        }
        index = index.filter { $0.value < Int32(count) }
    }

    /// What the graph was before some statements, so that a failed REPL entry or
    /// statement can be taken back.
    struct Mark: Sendable {
        fileprivate let nodeCount: Int
        fileprivate let elementCount: Int
        fileprivate let stepCount: Int
        fileprivate let scope: [String: Int32]
        fileprivate let inputs: [String: Int32]
        fileprivate let names: [Int32: String]
        fileprivate let output: Int32?
        fileprivate let random: RandomNormal
        fileprivate let index: [Key: Int32]
    }

    func mark() -> Mark {
        Mark(nodeCount: nodes.count, elementCount: elements.count, stepCount: steps.count, scope: scope, inputs: inputs,
             names: names, output: output, random: random, index: index)
    }

    mutating func restore(_ mark: Mark) {
        nodes.removeLast(nodes.count - mark.nodeCount)
        elements.removeLast(elements.count - mark.elementCount)
        // A constant that went onto the tape since is off it again (its tape nodes went too).
        for i in nodes.indices where nodes[i].op == .constant && Int(nodes[i].elementStart) >= mark.elementCount {
            (nodes[i].elementStart, nodes[i].tapeStart, nodes[i].tapeEnd) = (-1, -1, -1)
        }
        steps.removeLast(steps.count - mark.stepCount)
        (scope, inputs, names, output, random, index) = (mark.scope, mark.inputs, mark.names, mark.output, mark.random,
                                                         mark.index)
    }
}
