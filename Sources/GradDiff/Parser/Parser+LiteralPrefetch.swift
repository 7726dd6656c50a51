/// Loading the constants' table ahead of the parser. A large expression's distinct
/// literals are looked up at random slots of a table beyond the cache; a lookup made
/// right after its slot is asked for waits for memory, so the parser asks early: for the
/// literal after the one just read (`Lexer.literalAhead`, in `parseOperand`), and, here,
/// for literals that wait on the stack.
extension Parser {
    /// Literals lower down wait for the groups above them to close, as 3 does in
    /// `2*(x + 3*(…))`, and are made long after they were read (their slots long out of
    /// the cache): at each `)` the slots of the nearest two start loading, the nearer
    /// made at the next `)` or so, the other a level later.
    @inline(never)
    mutating func prefetchWaitingLiterals(_ operands: borrowing ValueStack<Operand>) {
        let nearer = operands[fromTop: 1]
        if nearer.node < 0, nearer.tensor < 0 { context.builder.prefetchConstant(nearer.literal) }
        guard operands.count > 3 else { return }
        let further = operands[fromTop: 3]
        if further.node < 0, further.tensor < 0 { context.builder.prefetchConstant(further.literal) }
    }
}
