import GradDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry point: a completion script, a subcommand (`Subcommand.requested(by:)`),
/// `graddiff help`, or `graddiff` itself, read by `ArgumentScanner` from the command's
/// table of options and run.
@main
enum Graddiff {
    static func main() {
        FreedMemory.keepForReuse()
        // Before anything is printed: --help, --version and completion scripts too end
        // quietly with 0 when the reader closes the pipe, not by SIGPIPE (141).
        StandardStreams.ignoreBrokenPipeSignal()
        // Not through a slice: its type is looked up at run time, at every start-up.
        var arguments = CommandLine.arguments
        if !arguments.isEmpty { arguments.removeFirst() }
        if let request = CompletionScript.request(in: arguments) {
            switch request {
            case .script(let shell): StandardStreams.writeOut(CompletionScript.script(for: shell))
            case .unknownShell(let name):
                let shells = CompletionScript.Shell.allCases.map(\.rawValue).joined(separator: ", ")
                let message = name.isEmpty ? "which shell? give one of \(shells): --generate-completion-script bash"
                    : "no completion script for '\(name)'; the shells are \(shells)"
                Subcommand.fail(with: UsageError(message), CommandOptions.self, arguments: arguments)
            }
            exit(ExitStatus.success.rawValue)
        }
        switch Subcommand.requested(by: arguments) {
        case .command(let entry, let rest): entry.run(rest)
        case .help(let topic): Subcommand.printHelp(topic)
        case nil: Subcommand.run(CommandOptions.self, arguments)
        }
    }
}
