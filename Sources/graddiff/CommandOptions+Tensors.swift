import GradDiff

/// The options about vectors and matrices, checked with the others.
extension CommandOptions {
    func validateTensorOptions() throws {
        if elements && startsSession {
            throw ValidationError("--elements applies to one EXPRESSION or -f FILE, not to a session")
        }
        if jacobian && (elements || batch != nil) {
            throw ValidationError("--jacobian prints one table; it cannot be combined with --elements or --batch")
        }
        if jacobian && startsSession {
            throw ValidationError("--jacobian applies to one EXPRESSION or -f FILE, not to a session")
        }
    }
}
