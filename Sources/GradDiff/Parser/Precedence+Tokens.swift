/// The operators as the parser reads them: which token spells which binary op, at
/// which precedence of the one table (`Precedence`), grouping which way.
extension Precedence {
    /// The binary op a token spells, with its precedence and whether it groups right.
    static func binary(_ kind: TokenKind) -> (op: Op, precedence: Int, groupsRight: Bool)? {
        switch kind {
        case .plus: return (.add, sum, false)
        case .minus: return (.subtract, sum, false)
        case .star: return (.multiply, product, false)
        case .slash: return (.divide, product, false)
        case .power: return (.power, power, true)
        default: return nil
        }
    }
}
