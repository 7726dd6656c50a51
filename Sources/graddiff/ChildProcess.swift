import ChildProcess

extension GraphvizRenderer {
    /// Runs `program` with `arguments`, `input` on its standard input and `output` as
    /// its standard output; its standard error is ours. Returns its exit status (128 + N
    /// if signal N ended it).
    static func run(_ program: String, _ arguments: [String], input: String, output: Int32) throws(Failure) -> Int32 {
        do throws(ChildProcess.Failure) {
            return try ChildProcess.run(program, arguments, input: Array(input.utf8), output: .descriptor(output)).ending.shellStatus
        } catch {
            throw Failure(message: "cannot start \(program): \(error.reason)",
                          status: error.call == "posix_spawn" ? .unavailable : .software)
        }
    }
}
