/// A user-defined function (`f(a, b) = a*b + sin(a)`) kept as a small tape of its
/// body, whose first variables are the parameters. A call replays that tape onto the
/// caller's tape with the arguments in place of the parameters, and the table shows the
/// real nodes.
///
/// A call to another user function inside the body is not expanded when the function is
/// defined: it stays one placeholder variable (named as typed, `f(sin(a))`) with the
/// callee's index in the `FunctionLibrary` beside it, and is expanded only when this
/// function is called. So a definition costs the length of its text (a chain of 10^5
/// functions each calling the one before costs 10^5 nodes to define, not 10^10), and
/// what a call expands is bounded by the node limit as it grows
/// (`FunctionLibrary.expand`). A class: never changed once made, and shared by every
/// frame that expands it, where a struct would count a dozen references per frame.
final class FunctionTemplate: Sendable {
    /// A function applied to nodes: the callee (its index in the library) and the
    /// argument nodes. The same call twice gives the same result.
    struct CallKey: Sendable, Hashable {
        let function: Int
        let arguments: [NodeID]
    }

    /// A call to a user function inside a body: the callee as it was defined when the
    /// body was read (a later redefinition does not change it), its argument nodes in
    /// the body, and the variable slot standing for its result.
    struct Call: Sendable {
        let function: Int
        let arguments: [NodeID]
        let resultSlot: Int
    }

    let name: String
    let parameters: [String]
    /// The body; variable slot i < parameters.count is parameter i, the slots of `calls`
    /// stand for calls' results, and the others are names from outside the function,
    /// resolved at each call like a script's globals: to the caller's step or input of
    /// that name, else to a free variable.
    let body: Tape
    let output: NodeID
    /// Sorted by result slot (an array: 10^5 small functions need not keep 10^5
    /// dictionaries).
    let calls: [Call]

    /// Each body node's text in terms of the parameters (`a * b + sin(a)`), shown with
    /// the function's name for the nodes a call creates, so the table keeps the
    /// function's own names.
    let bodyTexts: [String]

    init(name: String, parameters: [String], body: Tape, output: NodeID, calls: [Int: Call] = [:]) {
        self.bodyTexts = NodeText(body).texts
        self.name = name
        self.parameters = parameters
        // A call reads the body's variables by slot, never by name: 10^5 small functions
        // need not keep 10^5 small dictionaries.
        var body = body
        body.variableSlots = [:]
        self.body = body
        self.output = output
        self.calls = calls.values.sorted { $0.resultSlot < $1.resultSlot }
    }

    /// The call whose result variable slot `slot` stands for, if any.
    func call(resultSlot slot: Int) -> Call? {
        var (low, high) = (0, calls.count)
        while low < high {
            let middle = (low + high) / 2
            if calls[middle].resultSlot < slot { low = middle + 1 } else { high = middle }
        }
        return low < calls.count && calls[low].resultSlot == slot ? calls[low] : nil
    }
}
