import ArgumentParser
import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Graddiff {
    /// The entry point: picks the subcommand (`Subcommand.requested(by:)`), checks
    /// `--explain=PASS` before parsing, then runs as usual.
    ///
    /// `--explain` takes an optional value (swift-argument-parser's `defaultAsFlag`),
    /// and a value that does not parse makes it a bare flag, so that `--explain "x*y"`
    /// leaves the expression alone. An attached value cannot be an expression, though:
    /// `--explain=froward` is a typo, and would otherwise silently mean backward.
    static func main() {
        FreedMemory.keepForReuse()
        // Before anything is printed: --help, --version and completion scripts too end
        // quietly with 0 when the reader closes the pipe, not by SIGPIPE (141).
        StandardStreams.ignoreBrokenPipeSignal()
        // Not through a slice: its type is looked up at run time, at every start-up.
        var arguments = CommandLine.arguments
        if !arguments.isEmpty { arguments.removeFirst() }
        if let shell = CompletionScript.requestedShell(by: arguments) {
            StandardStreams.writeOut(CompletionScript.script(for: shell))
            exit()
        }
        switch Subcommand.requested(by: arguments) {
        case .diff(let rest): Subcommand.run(DiffCommand.self, rest)
        case .minimize(let rest): Subcommand.run(MinimizeCommand.self, rest)
        case .help(let topic): Subcommand.printHelp(topic)
        case nil: break
        }
        arguments = separatingExplainPass(arguments)
        // The common command line, read without the argument parser's reflection
        // (`QuickStart`) and run without `Graddiff`'s property wrappers, exiting as
        // `Subcommand.run` does (the parser's exit on `ExitCode` prints nothing);
        // anything else, and every usage error, goes to the parser.
        if let options = QuickStart.parse(arguments) {
            let status = options.run()
            Glibc.exit(status.rawValue)
        }
        Subcommand.run(Graddiff.self, arguments)
    }

    /// The arguments with `--explain=PASS` checked and given as `--explain PASS`: the
    /// parser drops an attached optional value when another option follows
    /// (`--explain=forward --precision 5` narrated the backward pass).
    private static func separatingExplainPass(_ arguments: [String]) -> [String] {
        var separated: [String] = []
        separated.reserveCapacity(arguments.count + 1)
        for (index, argument) in arguments.enumerated() {
            if argument == "--" {
                separated += arguments[index...]
                break
            }
            guard argument.hasPrefix("--explain=") else {
                separated.append(argument)
                continue
            }
            let value = String(argument.dropFirst("--explain=".count))
            guard ExplainPass(rawValue: value) != nil else {
                let passes = ExplainPass.allCases.map(\.rawValue).joined(separator: ", ")
                exit(withError: ValidationError("--explain=\(value) is not a pass; use one of \(passes)"))
            }
            separated += ["--explain", value]
        }
        return separated
    }
}
