/// Loading the constants' table ahead of the parser. A large expression's distinct
/// literals are looked up at random slots of a table beyond the cache; a lookup made
/// right after its slot is asked for waits for memory, so the parser asks early: for the
/// literal after the one just read (`Lexer.ahead`, in `parseOperand`), and, here, for
/// literals that wait on the stack.
extension Parser {
    /// Literals lower down wait for the groups above them to close, as 3 does in
    /// `2*(x + 3*(…))`, and are made long after they were read (their slots long out of
    /// the cache): at each `)` the slots of two start loading. Below the group just closed
    /// (on top) lie, level by level, a literal and the sum it is added to (`x*c1 + 3*(…)`
    /// is `[x*c1, 3, (…)]`), so the literals are one and three below the top: the nearer
    /// is made at the next `)`, the other a level later. Out of line, so that
    /// `parseOperand` stays small enough for `reduce` to be inlined into it.
    @inline(never)
    mutating func prefetchWaitingLiterals(_ operands: borrowing ValueStack<Operand>) {
        prefetchIfLiteral(operands[fromTop: 1])
        if operands.count > 3 { prefetchIfLiteral(operands[fromTop: 3]) }
    }

    @inline(__always)
    private func prefetchIfLiteral(_ operand: Operand) {
        if operand.node < 0, operand.tensor < 0 { context.builder.prefetchConstant(operand.literal) }
    }
}
