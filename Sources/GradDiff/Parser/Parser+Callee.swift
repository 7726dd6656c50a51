/// How many arguments a callee takes: a built-in function its op's, a user function its
/// parameters', a vector or matrix function any of its arities.
extension Parser {
    func arity(of callee: Callee, named name: String) -> Int {
        switch callee {
        case .builtIn(let op): return op.arity
        case .user: return context.functions[name]?.parameters.count ?? 0
        case .tensor(let function): return function.arities.upperBound
        }
    }

    func accepts(_ callee: Callee, named name: String, _ count: Int) -> Bool {
        if case .tensor(let function) = callee { return function.arities.contains(count) }
        return count == arity(of: callee, named: name)
    }
}
