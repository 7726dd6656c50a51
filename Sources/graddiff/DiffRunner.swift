import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `graddiff diff`: parse, differentiate symbolically, print the formulas (and
/// their values when the variables are bound).
struct DiffRunner {
    let command: DiffCommand

    func run() -> ExitStatus {
        let renderer = DiagnosticRenderer(useColor: ColorChoice.auto.enabled(for: STDERR_FILENO))
        var arguments = command.arguments
        let source: SourceText
        let tables: [String: SourceText]
        do {
            source = try CommandInput.source(file: command.file, arguments: &arguments)
            tables = try CommandInput.tables(arguments)
        } catch {
            StandardStreams.writeError(renderer.render(LocatedDiagnostic(.error(error.message, help: error.help), in: nil)))
            return error.status
        }
        let formulas: DerivativeFormulas
        do throws(UserError) {
            let (bindings, errors) = CommandInput.bindings(arguments, tables: tables)
            if !errors.isEmpty { throw UserError(errors) }
            let program = try ProgramParser.parse(source, nodeLimit: command.maxNodes, bindings: bindings)
            var variables: [Double]?
            let output: NodeID
            if bindings.isEmpty {
                output = try program.outputNode(named: command.output)
            } else {
                let evaluation = try Evaluation.run(program, bindings: bindings, outputName: command.output)
                StandardStreams.writeError(evaluation.warnings.map(renderer.render).joined())
                output = evaluation.output
                variables = evaluation.variableValues
            }
            try program.validate(wrt: command.wrtNames)
            formulas = try DerivativeFormulas(program, output: output, wrt: program.elementNames(command.wrtNames), order: command.order,
                                              variables: variables, notation: command.format == .latex ? .latex : .program,
                                              nodeLimit: command.maxNodes)
        } catch {
            StandardStreams.writeError(error.diagnostics.map(renderer.render).joined())
            return .dataError
        }
        switch command.format {
        case .text: StandardStreams.writeOut(text(formulas))
        case .json: StandardStreams.writeOut(json(formulas))
        case .latex: StandardStreams.writeOut(latex(formulas))
        }
        return .success
    }

    /// The steps, then the derivative (one variable asked for) or `d_x = ...` lines.
    private func text(_ formulas: DerivativeFormulas) -> String {
        // One variable asked for (not a vector's name, which stands for its elements).
        let single = command.wrtNames?.count == 1 && formulas.names.count == 1
        let names = formulas.names.map { derivativeName($0) }
        var lines = ["# size: \(formulas.text.size) operation\(formulas.text.size == 1 ? "" : "s")"]
        if names.isEmpty { return lines[0] + "\n# the expression has no variables\n" }
        lines.append(formulas.text.program(names: single ? nil : names))
        if let values = formulas.values {
            for (index, value) in values.enumerated() {
                lines.append("# \(names[index]) = \(NumberFormat.shortest(value))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"x": "2 * x"}`, or with bindings `{"x": {"formula": "2 * x", "value": 6}}`. Each
    /// formula carries the steps it needs (`t1 = ...; ...`).
    private func json(_ formulas: DerivativeFormulas) -> String {
        let entries = formulas.names.enumerated().map { index, name in
            let own = formulas.program(of: index)
            let formula = JSONFormatter.string(own)
            guard let values = formulas.values else { return "\(JSONFormatter.string(name)): \(formula)" }
            return "\(JSONFormatter.string(name)): {\"formula\": \(formula), \"value\": \(JSONFormatter.number(values[index]))}"
        }
        return "{" + entries.joined(separator: ", ") + "}\n"
    }

    /// An `aligned` block: the steps, then ∂f/∂x = … for each variable.
    private func latex(_ formulas: DerivativeFormulas) -> String {
        let power = command.order == 1 ? "" : "^{\(command.order)}"
        var lines = zip(formulas.text.stepNames, formulas.text.stepExpressions).map { "\($0) &= \($1)" }
        for (index, name) in formulas.names.enumerated() {
            var line = "\\frac{\\partial\(power) f}{\\partial \(DerivativeText.latexName(name))\(power)} &= \(formulas.text.expressions[index])"
            if let values = formulas.values { line += " = \(NumberFormat.shortest(values[index]))" }
            lines.append(line)
        }
        return "\\begin{aligned}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{aligned}\n"
    }

    private func derivativeName(_ variable: String) -> String {
        command.order == 1 ? "d_\(variable)" : "d\(command.order)_\(variable)"
    }
}
