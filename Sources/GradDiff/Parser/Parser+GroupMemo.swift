/// The parser's side of `GroupMemo`: a group or call at the cursor whose text was read
/// before in this expression is taken as the node it read as, and each group read is
/// offered to the memo as it closes.
extension Parser {
    /// What reading a group may change beyond nodes, as counted now.
    var groupEffects: GroupMemo.Effects {
        GroupMemo.Effects(warnings: lexer.warnings.count + lexer.unshownWarnings, tensors: context.tensors.count,
                          expansions: context.expansionWork, truncations: context.builder.truncations)
    }

    /// Whether the memo may be used: not in a function's body (whose calls are left for
    /// later) nor on a tape that merges nothing (where a second reading makes new nodes).
    private var usesGroupMemo: Bool {
        deferredCalls == nil && context.builder.mergesIdenticalNodes && context.builder.remembersGroups
    }

    /// If the group or call starting at the cursor (`(` or a called name) was read
    /// before, pushes its node with this text's span and moves past it.
    mutating func reuseGroup(_ operands: inout ValueStack<Operand>) throws(UserError) -> Bool {
        guard usesGroupMemo else { return false }
        let start = Int(current.span.start)
        let (count, truncations) = (context.builder.tape.count, context.builder.truncations)
        let found = lexer.source.bytes.withUnsafeBufferPointer {
            groupMemo.find(at: start, in: $0, tapeCount: count, truncations: truncations)
        }
        guard let found else { return false }
        let end = start + Int(found.length)
        operands.append(Operand(node: found.node, literal: 0, span: SourceSpan(start: start, end: end)))
        try skip(to: end)
        return true
    }

    /// Offers the group or call just closed, `operand`, to the memo. One too short or too
    /// long to keep is not looked at (nor are the effects counted: a change is then
    /// found at a later group, which only keeps fewer).
    mutating func rememberGroup(_ operand: Operand) {
        let length = Int(operand.span.end - operand.span.start)
        guard length >= GroupMemo.shortest, length <= GroupMemo.longest, operand.node >= 0, operand.tensor < 0,
              usesGroupMemo else { return }
        let effects = groupEffects
        lexer.source.bytes.withUnsafeBufferPointer {
            groupMemo.remember(Int(operand.span.start), Int(operand.span.end), node: operand.node, effects: effects, in: $0)
        }
    }
}
