/// The program as the user wrote it, for a program with vectors or matrices: one row
/// per vector- or matrix-valued node (a tensor node, with its elements on the tape) and
/// one per scalar node outside them, in an order where every row's inputs come first.
/// The nodes a tensor operation was lowered to (W[1,1]*x[1], the partial sums) are
/// inside its row; `--elements` shows them instead.
struct TensorView {
    struct Row {
        enum Kind: Equatable {
            case scalar(NodeID)
            case tensor(Int32)
        }
        var kind: Kind
        var label: String
        var op: String
        var shape: TensorShape
        /// The tape ids of its elements, row-major (a scalar row: its node).
        var elements: [NodeID]
        /// The rows it reads, in order (a literal: those of its elements that are rows).
        var inputs: [Int]
    }

    let result: PassResult
    private(set) var rows: [Row] = []
    /// For each tape node: the row it is, or whose element it is; -1 inside a row.
    private(set) var rowOfNode: [Int32]
    /// For each tape node that is an element of a tensor row: its flat index there.
    private(set) var elementIndex: [Int32]
    /// For each tensor node: its row (-1 for a constant never put on the tape).
    private(set) var rowOfTensor: [Int32]

    /// The view of `result`, or nil for a program without vectors and matrices.
    init?(_ result: PassResult) {
        let tensors = result.tensors
        guard !tensors.isEmpty else { return nil }
        self.result = result
        let tape = result.tape
        var owner = [Int32](repeating: -1, count: tape.count)
        for id in 0..<Int32(tensors.count) where tensors[id].tapeStart >= 0 {
            for node in Int(tensors[id].tapeStart)..<Swift.min(Int(tensors[id].tapeEnd), tape.count) { owner[node] = id }
        }
        rowOfNode = [Int32](repeating: -1, count: tape.count)
        elementIndex = [Int32](repeating: -1, count: tape.count)
        // Each element belongs to the tensor node that made it (an input's variables to the input).
        var elementOf = [Int32](repeating: -1, count: tape.count)
        for id in 0..<Int32(tensors.count) {
            for (k, element) in tensors.elements(of: id).enumerated() where owner[Int(element)] == id && elementOf[Int(element)] < 0 {
                elementOf[Int(element)] = id
                elementIndex[Int(element)] = Int32(k)
            }
        }
        let isScalarRow = Self.scalarRows(tape, owner: owner, elementOf: elementOf)
        // Rows in order: a scalar row at its tape id, a tensor row just after its last element.
        var order: [(position: Int, tensor: Int32, node: NodeID)] = []
        for i in 0..<tape.count where isScalarRow[i] { order.append((2 * i, -1, NodeID(i))) }
        for id in 0..<Int32(tensors.count) {
            guard let last = tensors.elements(of: id).max() else { continue }
            order.append((2 * Int(last) + 1, id, -1))
        }
        order.sort { ($0.position, $0.tensor) < ($1.position, $1.tensor) }
        rowOfTensor = [Int32](repeating: -1, count: tensors.count)
        for entry in order {
            let index = Int32(rows.count)
            if entry.tensor >= 0 {
                rowOfTensor[Int(entry.tensor)] = index
                rows.append(tensorRow(entry.tensor))
                for element in tensors.elements(of: entry.tensor) where elementOf[Int(element)] == entry.tensor {
                    rowOfNode[Int(element)] = index
                }
            } else {
                rowOfNode[Int(entry.node)] = index
                rows.append(Row(kind: .scalar(entry.node), label: tape.label(of: entry.node), op: tape.ops[Int(entry.node)].name,
                                shape: .scalar, elements: [entry.node], inputs: []))
            }
        }
        for index in rows.indices { rows[index].inputs = inputRows(of: rows[index], at: index) }
    }

    /// Scalar nodes outside every tensor node, and nodes inside one that something else
    /// reads or a name names (an identical expression written elsewhere merged into it).
    private static func scalarRows(_ tape: Tape, owner: [Int32], elementOf: [Int32]) -> [Bool] {
        var isRow = owner.map { $0 < 0 }
        for i in 0..<tape.count where tape.ops[i].arity > 0 {
            for input in tape.inputs(of: NodeID(i)) {
                let j = Int(input)
                if owner[j] >= 0, owner[j] != owner[i], elementOf[j] < 0 { isRow[j] = true }
            }
        }
        for (node, _) in tape.stepNames where owner[Int(node)] >= 0 && elementOf[Int(node)] < 0 { isRow[Int(node)] = true }
        return isRow
    }

    private func tensorRow(_ id: Int32) -> Row {
        let tensors = result.tensors
        let node = tensors[id]
        let elements = Array(tensors.elements(of: id))
        var label = tensors.label(of: id)
        if tensors.names[id] == nil, node.shape.isScalar, let name = result.tape.stepNames[elements[0]] { label = name }
        return Row(kind: .tensor(id), label: label, op: node.op.name, shape: node.shape, elements: elements, inputs: [])
    }

    /// The rows that row `index` reads; a literal's own elements (its constants, made
    /// with it) are inside it, not inputs.
    private func inputRows(of row: Row, at index: Int) -> [Int] {
        switch row.kind {
        case .scalar(let node):
            return result.tape.inputs(of: node).compactMap(row(of:))
        case .tensor(let id):
            let node = result.tensors[id]
            if node.op == .literal {
                var seen = Set<Int>()
                return row.elements.compactMap(self.row(of:)).filter { $0 != index && seen.insert($0).inserted }
            }
            return node.inputs.compactMap { input in
                if let tensor = input.tensor { return rowOfTensor[Int(tensor)] >= 0 ? Int(rowOfTensor[Int(tensor)]) : nil }
                return self.row(of: input.scalar!)
            }
        }
    }

    /// The row tape node `node` is, or is an element of.
    func row(of node: NodeID) -> Int? {
        let index = rowOfNode[Int(node)]
        return index >= 0 ? Int(index) : nil
    }

    /// The values of a row's elements, row-major.
    func values(_ row: Row) -> [Double] { row.elements.map { result.values[Int($0)] } }

    /// The gradients of the output with respect to a row's elements.
    func gradients(_ row: Row) -> [Double] { row.elements.map { result.gradients[Int($0)] } }

    /// Whether a row has a gradient: not when no element reads a variable (a constant,
    /// whose cell is blank in tables, and null in JSON, as a scalar constant's is).
    func hasGradient(_ row: Row) -> Bool { row.elements.contains { result.hasGradient($0) } }

    /// The inputs the gradient is reported for: each vector or matrix input once (by its
    /// name), each scalar variable outside them, in order of first appearance; or the
    /// `--wrt` names (a vector's name, an element's `W[1,2]` or a scalar's).
    func reportedInputs(_ wrt: [String]?) -> [(name: String, row: Row)] {
        let tape = result.tape
        if let wrt {
            return wrt.compactMap { name in
                if let id = result.tensors.input(named: name), let index = rows.firstIndex(where: { $0.kind == .tensor(id) }) {
                    return (name, rows[index])
                }
                guard let slot = tape.variableSlot(named: name) else { return nil }
                let node = tape.variableNodes[slot]
                return (name, Row(kind: .scalar(node), label: name, op: "var", shape: .scalar, elements: [node], inputs: []))
            }
        }
        var seen = Set<Int>()
        return tape.variableNodes.compactMap { node in
            guard let index = row(of: node), seen.insert(index).inserted else { return nil }
            return (rows[index].label, rows[index])
        }
    }
}

extension TensorView {
    /// How a warning names tape node `node` in a program with vectors and matrices: by the
    /// row it is an element of, as the table shows it (`t4[2]`, `z[1,2]`), else by its own
    /// label (a scalar row, or a node inside a row's lowering).
    func elementLabel(of node: NodeID) -> String {
        let index = elementIndex[Int(node)]
        guard index >= 0, let row = row(of: node), case .tensor = rows[row].kind else { return result.tape.label(of: node) }
        return rows[row].shape.elementName(rows[row].label, Int(index))
    }
}
