import GradDiff

/// `--tangent`, `--mode` and `--jacobian`: what they may be combined with.
extension CommandOptions {
    /// Whether the table shows tangents (forward mode) instead of gradients.
    var printsTangents: Bool {
        !jacobian && (tangent != nil || mode == .forward)
    }

    /// The step the evaluation differentiates: with --jacobian, the last of --output's names.
    var evaluatedOutputName: String? {
        guard jacobian, let list = program.output else { return program.output }
        return CommaList.split(list).last { !$0.isEmpty }
    }

    func validateForwardMode() throws {
        if program.output?.contains(",") == true && !jacobian {
            throw ValidationError("--output names one step; several (--output p,q) need --jacobian")
        }
        if tangent != nil && mode == .reverse {
            throw ValidationError("--tangent runs forward mode; it cannot be combined with --mode reverse")
        }
        if explain == .forwardMode && mode == .reverse {
            throw ValidationError("--explain=forward-mode narrates forward mode; it cannot be combined with --mode reverse")
        }
        // Its form is the option's (status 64); its names are checked against the program.
        if let tangent, !tangent.trimmingCharacters().isEmpty {
            do throws(UserError) {
                _ = try Program.tangentPairs(tangent)
            } catch {
                let diagnostic = error.diagnostics[0].diagnostic
                throw ValidationError(diagnostic.message + (diagnostic.help.map { "\nhelp: " + $0 } ?? ""))
            }
        }
        // The list below (an array of tuples, a runtime type lookup) only when it is read.
        guard jacobian || printsTangents else { return }
        let others = [(batch != nil, "--batch"), (hessian, "--hessian"), (order != nil, "--order"), (check, "--check"),
                      (render != nil, "--render")]
        if jacobian {
            if tangent != nil { throw ValidationError("--jacobian takes every input's derivative; --tangent cannot be combined with it") }
            for (given, flag) in others + [(explain != nil, "--explain"), (quiet, "--quiet")] where given {
                throw ValidationError("--jacobian prints a matrix; \(flag) cannot be combined with it")
            }
            if ![.table, .json].contains(format) {
                throw ValidationError("--jacobian prints a table or JSON; it cannot be combined with --format \(format.rawValue)")
            }
        } else if printsTangents {
            for (given, flag) in others + [(wrtOption.wrt != nil, "--wrt")] where given {
                throw ValidationError("forward mode (--tangent) prints one derivative along a direction; \(flag) cannot be combined with it")
            }
            if ![.table, .json].contains(format) {
                throw ValidationError("forward mode (--tangent) prints a table or JSON; it cannot be combined with --format \(format.rawValue)")
            }
            // The table holds tangents, not the gradients a backward pass would narrate.
            if let explain, [.backward, .both].contains(explain) {
                throw ValidationError("forward mode (--tangent) runs no backward pass; --explain=\(explain.rawValue) cannot be combined with it"
                                      + "\nhelp: --explain=forward-mode narrates the tangents, --explain=forward the values")
            }
        }
    }
}
