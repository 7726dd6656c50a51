import Testing
@testable import GradDiff
@testable import graddiff

/// Random command lines, from every spelling of every option, values, words that look
/// like options and words that do not: each is read or refused with a usage error, never
/// crashes, and what is read keeps the expression and bindings in the order given, every
/// word after `--` among them.
@Suite struct ArgumentScannerPropertyTests {
    static func words<Command: CommandLineCommand>(_: Command.Type) -> [String] {
        var words = ["x^2", "x=1", "-", "--", "-x^2", "-1", "", "=", "-q=1", "--help=x", "-qf", "-fq", "--=", "-é", "é=2",
                     "json", "forward", "nan", "-0.5", "1e400", "W=[[1,2],[3,4]]"]
        for option in Command.options.map(\.description) {
            words.append(option.longName)
            words.append(option.longName + "=")
            words.append(option.longName + "=" + (option.choices.first ?? "3"))
            if let short = option.shortName { words += [short, short + "x", short + "="] }
        }
        return words
    }

    static func check<Command: CommandLineCommand>(_: Command.Type, lines: Int, generator: inout some RandomNumberGenerator) {
        let vocabulary = words(Command.self)
        for _ in 0..<lines {
            let arguments = (0..<Int.random(in: 0...6, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            guard case .run(let command)? = try? ArgumentScanner.scan(arguments, as: Command.self) else { continue }
            // Every word after the first '--' is the expression or a binding, as given.
            if let end = arguments.firstIndex(of: "--") {
                let after = Array(arguments[(end + 1)...])
                #expect(Array(command.arguments.suffix(after.count)) == after, "\(Command.commandName) \(arguments)")
            }
            // The words read as the expression and bindings are among those given, in order.
            var rest = arguments[...]
            for word in command.arguments {
                guard let index = rest.firstIndex(of: word) else {
                    Issue.record("\(Command.commandName) \(arguments): '\(word)' is no word given, or out of order")
                    break
                }
                rest = rest[(index + 1)...]
            }
        }
    }

    @Test func randomCommandLinesAreReadOrRefused() {
        var generator = SplitMix64(seed: 18)
        Self.check(CommandOptions.self, lines: 3000, generator: &generator)
        Self.check(DiffCommand.self, lines: 1000, generator: &generator)
        Self.check(MinimizeCommand.self, lines: 1000, generator: &generator)
    }
}
