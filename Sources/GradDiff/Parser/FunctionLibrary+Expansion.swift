/// A call of a user function, expanded onto the caller's tape.
extension FunctionLibrary {
    /// One call being expanded: which function, where its nodes and arguments sit on the
    /// expansion's two flat stacks, and where it is in that function's body.
    private struct Frame {
        let function: Int
        /// The caller's node for each body node so far: `mapped[base + i]` (-1: not yet).
        let base: Int
        /// The argument nodes: `arguments[argumentBase...]` while this frame is the top.
        let argumentBase: Int
        /// Where the function's caches start (`Caches`).
        let cache: Int
        var next = 0
    }

    /// What this expansion has found for each body node of each function it opened, one
    /// slot per body node from the function's base: the tape's node for a constant (a
    /// constant does not depend on the arguments, so one lookup serves every call) and
    /// the note text of an operation (-1: not yet).
    private struct Caches {
        var bases: [Int: Int] = [:]
        var constants: [NodeID] = []
        var notes: [Int32] = []

        mutating func base(of function: Int, size: Int) -> Int {
            if let base = bases[function] { return base }
            let base = constants.count
            bases[function] = base
            constants.append(contentsOf: repeatElement(-1, count: size))
            notes.append(contentsOf: repeatElement(-1, count: size))
            return base
        }
    }

    /// Appends the body of function `index` to `builder` with `arguments` for its
    /// parameters, expanding the calls inside it, and returns the node of the result.
    /// Outside names resolve in `environment`, the caller's, at every depth. A stack of
    /// frames stands in for the call stack, so calls nested 10^5 deep expand like any
    /// other; a function called again on the same nodes gives the node it gave before
    /// without being expanded again (`CallMemo`), so calls that fan out and meet again
    /// (a diamond repeated 30 times) cost their distinct calls, not 2^30.
    ///
    /// What the expansion does is counted in `work`, shared by every expansion of a parse:
    /// each body node visited, each call made and each node added is one step (calls that
    /// meet again add few nodes but may still be millions; each added node costs twice).
    /// Throws
    /// `workError()` once `work` passes `workLimit`, `limitError()` once the tape holds
    /// more than `nodeLimit` nodes, and if interrupted (Ctrl-C). No array is allocated
    /// per call: frames keep their nodes on two flat stacks.
    func expand(_ index: Int, arguments: [NodeID], environment: [String: NodeID],
                into builder: inout TapeBuilder, at span: SourceSpan, nodeLimit: Int = .max,
                work: inout Int, workLimit: Int = .max,
                limitError: () -> UserError, workError: () -> UserError) throws(UserError) -> NodeID {
        var mapped: [NodeID] = []
        var frameArguments: [NodeID] = []
        var callers: [Frame] = []
        var memo = CallMemo()
        var callArguments: [NodeID] = []
        var caches = Caches()
        let caching = builder.mergesIdenticalNodes
        func open(_ function: Int, _ given: some Collection<NodeID>) -> Frame {
            // Through the class reference: a copy of the body (a Tape) would retain a
            // dozen arrays at every call.
            let template = self[function]
            let size = template.body.count
            let frame = Frame(function: function, base: mapped.count, argumentBase: frameArguments.count,
                              cache: caches.base(of: function, size: size))
            mapped.append(contentsOf: repeatElement(-1, count: size))
            for (slot, argument) in given.enumerated() where slot < template.parameters.count {
                mapped[frame.base + Int(template.body.variableNodes[slot])] = argument
            }
            frameArguments.append(contentsOf: given)
            return frame
        }
        var frame = open(index, arguments)
        while true {
            // The template is a class: one reference here, where copying its body (a Tape)
            // would count a dozen at every call.
            let template = self[frame.function]
            var callee: Int?
            while frame.next < template.body.count {
                let i = frame.next
                work += 1
                if work > workLimit { throw workError() }
                if work & 0xFFF == 0 {
                    try Interruption.check()
                    if builder.tape.count > nodeLimit { throw limitError() }
                }
                let first = template.body.first[i]
                switch template.body.ops[i] {
                case .constant:
                    var node = caching ? caches.constants[frame.cache + i] : -1
                    if node < 0 {
                        let countBefore = builder.tape.count
                        node = builder.constant(template.body.constants[Int(first)], at: span)
                        if caching { caches.constants[frame.cache + i] = node }
                        if Int(node) >= countBefore { work += 1 }
                    }
                    mapped[frame.base + i] = node
                case .variable:
                    let slot = Int(first)
                    if slot < template.parameters.count {
                        break  // mapped when the frame began
                    } else if let call = template.call(resultSlot: slot) {
                        callArguments.removeAll(keepingCapacity: true)
                        for argument in call.arguments { callArguments.append(mapped[frame.base + Int(argument)]) }
                        if let known = memo.result(of: call.function, callArguments) {
                            mapped[frame.base + i] = known
                        } else {
                            callee = call.function
                        }
                    } else if let outside = environment[template.body.variableNames[slot]] {
                        mapped[frame.base + i] = outside
                    } else if let value = Op.constant(named: template.body.variableNames[slot]) {
                        mapped[frame.base + i] = builder.constant(value, at: span)  // `e`, `pi`, not redefined
                    } else {
                        mapped[frame.base + i] = builder.variable(template.body.variableNames[slot], at: span)
                    }
                case let op:
                    let second = template.body.second[i]
                    let countBefore = builder.tape.count
                    let node = builder.apply(op, mapped[frame.base + Int(first)],
                                             second >= 0 ? mapped[frame.base + Int(second)] : -1, at: span)
                    mapped[frame.base + i] = node
                    if Int(node) >= countBefore {
                        work += 1
                        var note = caches.notes[frame.cache + i]
                        if note < 0 {
                            note = builder.noteText(function: frame.function, bodyNode: i) { "\(template.name): \(template.bodyTexts[i])" }
                            caches.notes[frame.cache + i] = note
                        }
                        builder.note(node, index: note)
                    }
                }
                if callee != nil { break }
                frame.next += 1
            }
            if let callee {
                callers.append(frame)
                work += 1
                frame = open(callee, callArguments)
                continue
            }
            let result = mapped[frame.base + Int(template.output)]
            memo.record(frame.function, frameArguments[frame.argumentBase...], result)
            mapped.removeLast(mapped.count - frame.base)
            frameArguments.removeLast(frameArguments.count - frame.argumentBase)
            guard var caller = callers.popLast() else {
                if builder.tape.count > nodeLimit { throw limitError() }
                return result
            }
            mapped[caller.base + caller.next] = result
            caller.next += 1
            frame = caller
        }
    }
}
