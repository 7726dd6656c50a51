/// A user-defined function (`f(a, b) = a*b + sin(a)`) kept as a small tape of its
/// body, whose first variables are the parameters. A call replays that tape onto the
/// caller's tape with the arguments in place of the parameters: one loop, no
/// recursion, and the table shows the real nodes.
public struct FunctionTemplate: Sendable {
    public let name: String
    public let parameters: [String]
    /// The body; variable slot i < parameters.count is parameter i, later slots are
    /// names from outside the function, resolved at each call like a script's globals:
    /// to the caller's step or input of that name, else to a free variable.
    let body: Tape
    let output: NodeID
    /// The number of nodes one call adds at most (for limits and warnings).
    public var size: Int { body.count }

    /// Each body node's text in terms of the parameters (`a * b + sin(a)`), shown for
    /// the nodes a call creates so the table keeps the function's own names.
    let bodyTexts: [String]

    public init(name: String, parameters: [String], body: Tape, output: NodeID) {
        self.bodyTexts = NodeText(body).texts
        self.name = name
        self.parameters = parameters
        self.body = body
        self.output = output
    }

    /// Appends the body to `builder` with `arguments` for the parameters; returns the
    /// node of the result. Throws if interrupted: nested calls can make this the long
    /// part of a line.
    public func inline(arguments: [NodeID], environment: [String: NodeID], into builder: inout TapeBuilder,
                       at span: SourceSpan) throws(UserError) -> NodeID {
        var mapped = [NodeID](repeating: -1, count: body.count)
        for i in 0..<body.count {
            if i & 0xFFF == 0xFFF { try Interruption.check() }
            let first = body.first[i]
            switch body.ops[i] {
            case .constant:
                mapped[i] = builder.constant(body.constants[Int(first)], at: span)
            case .variable:
                let slot = Int(first)
                if slot < parameters.count {
                    mapped[i] = arguments[slot]
                } else if let outside = environment[body.variableNames[slot]] {
                    mapped[i] = outside
                } else {
                    mapped[i] = builder.variable(body.variableNames[slot], at: span)
                }
            case let op:
                let second = body.second[i]
                let countBefore = builder.tape.count
                mapped[i] = builder.apply(op, mapped[Int(first)], second >= 0 ? mapped[Int(second)] : -1, at: span)
                if Int(mapped[i]) >= countBefore { builder.note(mapped[i], "\(name): \(bodyTexts[i])") }
            }
        }
        return mapped[Int(output)]
    }
}
