/// A call of a user function, expanded onto the caller's tape.
extension FunctionLibrary {
    /// One call being expanded: which function, on which caller nodes, where it is in
    /// that function's body, and the caller's node for each body node so far.
    private struct Frame {
        let function: Int
        let arguments: [NodeID]
        var mapped: [NodeID]
        var next = 0

        init(_ function: Int, _ template: FunctionTemplate, arguments: [NodeID]) {
            self.function = function
            self.arguments = arguments
            mapped = [NodeID](repeating: -1, count: template.body.count)
            for (slot, node) in template.body.variableNodes.prefix(arguments.count).enumerated() {
                mapped[Int(node)] = arguments[slot]
            }
        }
    }

    /// Appends the body of function `index` to `builder` with `arguments` for its
    /// parameters, expanding the calls inside it, and returns the node of the result.
    /// Outside names resolve in `environment`, the caller's, at every depth. A stack of
    /// frames stands in for the call stack, so calls nested 10^5 deep expand like any
    /// other; a function called again on the same nodes gives the node it gave before
    /// without being expanded again, so calls that fan out and meet again (a diamond
    /// repeated 30 times) cost their distinct calls, not 2^30. Throws `limitError()`
    /// once the tape holds more than `nodeLimit` nodes, and if interrupted (Ctrl-C).
    func expand(_ index: Int, arguments: [NodeID], environment: [String: NodeID],
                       into builder: inout TapeBuilder, at span: SourceSpan, nodeLimit: Int = .max,
                       limitError: () -> UserError) throws(UserError) -> NodeID {
        var callers: [Frame] = []
        var frame = Frame(index, self[index], arguments: arguments)
        var results: [FunctionTemplate.CallKey: NodeID] = [:]
        var work = 0
        while true {
            // The template is a class: one reference here, where copying its body (a Tape)
            // would count a dozen at every call.
            let template = self[frame.function]
            var callee: Frame?
            while frame.next < template.body.count {
                let i = frame.next
                work += 1
                if work & 0xFFF == 0 {
                    try Interruption.check()
                    if builder.tape.count > nodeLimit { throw limitError() }
                }
                let first = template.body.first[i]
                switch template.body.ops[i] {
                case .constant:
                    frame.mapped[i] = builder.constant(template.body.constants[Int(first)], at: span)
                case .variable:
                    let slot = Int(first)
                    if slot < template.parameters.count {
                        break  // mapped when the frame began
                    } else if let call = template.call(resultSlot: slot) {
                        let arguments = call.arguments.map { frame.mapped[Int($0)] }
                        if let known = results[FunctionTemplate.CallKey(function: call.function, arguments: arguments)] {
                            frame.mapped[i] = known
                        } else {
                            callee = Frame(call.function, self[call.function], arguments: arguments)
                        }
                    } else if let outside = environment[template.body.variableNames[slot]] {
                        frame.mapped[i] = outside
                    } else {
                        frame.mapped[i] = builder.variable(template.body.variableNames[slot], at: span)
                    }
                case let op:
                    let second = template.body.second[i]
                    let countBefore = builder.tape.count
                    let node = builder.apply(op, frame.mapped[Int(first)], second >= 0 ? frame.mapped[Int(second)] : -1, at: span)
                    frame.mapped[i] = node
                    if Int(node) >= countBefore {
                        builder.note(node, function: frame.function, bodyNode: i) { "\(template.name): \(template.bodyTexts[i])" }
                    }
                }
                if callee != nil { break }
                frame.next += 1
            }
            if let callee {
                callers.append(frame)
                frame = callee
                continue
            }
            let result = frame.mapped[Int(template.output)]
            results[FunctionTemplate.CallKey(function: frame.function, arguments: frame.arguments)] = result
            guard var caller = callers.popLast() else {
                if builder.tape.count > nodeLimit { throw limitError() }
                return result
            }
            caller.mapped[caller.next] = result
            caller.next += 1
            frame = caller
        }
    }
}
