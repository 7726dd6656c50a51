import Testing
@testable import graddiff

/// The command line read by the commands' tables of options (`ArgumentScanner`): every
/// spelling of a value, flags together, `--`, the optional value of `--explain`, and
/// each usage error with its message.
@Suite struct ArgumentScannerTests {
    static func scan<Command: CommandLineCommand>(_ arguments: [String], _: Command.Type = CommandOptions.self) throws -> Command {
        guard case .run(let command) = try ArgumentScanner.scan(arguments, as: Command.self) else {
            Issue.record("\(arguments) asked for help or the version")
            return Command()
        }
        return command
    }

    static func error<Command: CommandLineCommand>(_ arguments: [String], _: Command.Type = CommandOptions.self) -> String? {
        do {
            _ = try ArgumentScanner.scan(arguments, as: Command.self)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func valuesAttachedOrNextAndFlagsTogether() throws {
        let command = try Self.scan(["--format=csv", "x*y", "-qi", "--precision", "4", "x=1", "--kink", "mean"])
        #expect(command.format == .csv && command.quiet && command.interactive && command.precision == 4)
        #expect(command.kink == .mean)
        #expect(command.program.arguments == ["x*y", "x=1"])
    }

    @Test(arguments: [["-f", "prog.gd"], ["-fprog.gd"], ["-f=prog.gd"], ["--file", "prog.gd"], ["--file=prog.gd"]])
    func shortAndLongFile(_ arguments: [String]) throws {
        #expect(try Self.scan(arguments + ["x=1"]).program.file == "prog.gd")
    }

    @Test func standardInputIsAValueAndAWord() throws {
        let command = try Self.scan(["-f", "-", "--batch", "-"])
        #expect(command.program.file == "-" && command.batch == "-")
        #expect(try Self.scan(["-"]).program.arguments == ["-"])
    }

    @Test func everyWordAfterTheEndOfOptionsIsTheExpressionOrABinding() throws {
        let command = try Self.scan(["-q", "--", "-x^2", "--help", "x=2"])
        #expect(command.quiet && command.program.arguments == ["-x^2", "--help", "x=2"])
    }

    @Test func explainTakesTheNextWordOnlyWhenItIsAPass() throws {
        #expect(try Self.scan(["--explain", "x*y"]).explain == .backward)
        #expect(try Self.scan(["--explain", "x*y"]).program.arguments == ["x*y"])
        #expect(try Self.scan(["--explain", "forward", "x"]).explain == .forward)
        #expect(try Self.scan(["--explain=both", "x"]).explain == .both)
        #expect(try Self.scan(["x"]).explain == nil)
        #expect(Self.error(["--explain=sideways", "x"])?.hasPrefix("--explain=sideways is not a pass; use one of backward") == true)
    }

    @Test func anOptionGivenTwiceKeepsItsLastValue() throws {
        #expect(try Self.scan(["--format", "json", "--format", "csv", "x"]).format == .csv)
    }

    @Test func helpAndVersionWinBeforeTheEndOfOptions() throws {
        for arguments in [["--help"], ["--format", "xml", "-h"], ["--foo", "--help"], ["-qh"], ["x", "-hi"], ["-hf", "prog.gd"],
                          ["-qhf", "prog.gd"]] {
            guard case .help = try ArgumentScanner.scan(arguments, as: CommandOptions.self) else {
                Issue.record("\(arguments) is not help")
                continue
            }
        }
        guard case .version = try ArgumentScanner.scan(["x", "--version"], as: DiffCommand.self) else {
            Issue.record("--version is not the version")
            return
        }
        #expect(try Self.scan(["--", "--help"]).program.arguments == ["--help"])
        // -f takes the rest of its word: a file named h.
        #expect(try Self.scan(["-fh"]).program.file == "h")
    }

    @Test func negativeValuesAreAttached() throws {
        #expect(try Self.scan(["--lr=-0.1", "x"], MinimizeCommand.self).lr == -0.1)
        #expect(Self.error(["x", "--lr", "-0.1"], MinimizeCommand.self) == "Missing value for '--lr <RATE>'")
    }

    @Test(arguments: [
        (["--foo", "x"], "Unknown option '--foo'"),
        (["--precison", "3", "x"], "Unknown option '--precison'. Did you mean '--precision'?"),
        (["--verison"], "Unknown option '--verison'. Did you mean '--version'?"),
        (["-x^2"], "Unknown option '-x^2'"),
        (["-qx", "y"], "Unknown option '-qx'"),
        (["--wrt"], "Missing value for '--wrt <NAMES>'"),
        (["--quiet=yes", "x"], "The option '--quiet' does not take any value, but 'yes' was specified."),
        (["-q=1", "x"], "The option '-q' does not take any value, but '1' was specified."),
        (["--help=x"], "The option '--help' does not take any value, but 'x' was specified."),
        (["-h=1"], "The option '-h' does not take any value, but '1' was specified."),
        (["--precision", "abc", "x"], "The value 'abc' is invalid for '--precision <N>'"),
        (["--seed", "1.5", "x"], "The value '1.5' is invalid for '--seed <N>'"),
        (["--format", "jsn", "x"], "The value 'jsn' is invalid for '--format <FORMAT>': use one of table, json, csv, tsv, markdown, dot; did you mean 'json'?"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        #expect(Self.error(arguments) == message)
    }

    /// Every property of a command, by path, as text (`format = json`, `program.file = ...`).
    static func properties(_ value: Any, prefix: String = "") -> [String: String] {
        var properties: [String: String] = [:]
        for child in Mirror(reflecting: value).children {
            let name = prefix + (child.label ?? "?")
            if child.value is ProgramOptions || child.value is WrtOption {
                properties.merge(Self.properties(child.value, prefix: name + "."), uniquingKeysWith: { $1 })
            } else {
                properties[name] = String(describing: child.value)
            }
        }
        return properties
    }

    /// `max-nodes` as its property is named: `maxNodes`.
    static func propertyName(_ long: String) -> String {
        let words = long.split(separator: "-")
        return String(words[0]) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A value of `option` other than its default.
    static func sample(_ option: OptionDescription) -> [String] {
        guard option.valueName != nil else { return [option.longName] }
        let value = option.choices.last { $0 != option.defaultValue } ?? (option.long == "tangent" ? "x=1" : "7")
        return [option.longName + "=" + value]
    }

    /// Each option of each table sets the property of its own name, and only that one.
    @Test func everyOptionSetsItsOwnProperty() throws {
        try Self.checkTable(CommandOptions.self)
        try Self.checkTable(DiffCommand.self)
        try Self.checkTable(MinimizeCommand.self)
    }

    static func checkTable<Command: CommandLineCommand>(_: Command.Type) throws {
        let defaults = properties(Command())
        var longs = Set<String>()
        var shorts = Set<Character>()
        for option in Command.descriptions {
            #expect(longs.insert(option.long).inserted, "\(Command.commandName) has two --\(option.long)")
            if let short = option.short { #expect(shorts.insert(short).inserted, "\(Command.commandName) has two -\(short)") }
        }
        for option in Command.options.map(\.description) {
            let changed = properties(try scan(sample(option), Command.self)).filter { defaults[$0.key] != $0.value }.map(\.key)
            let expected = option.long == "wrt" ? "wrtOption.wrt" : propertyName(option.long)
            #expect(changed.count == 1 && changed[0].hasSuffix(expected), "\(Command.commandName) \(sample(option)) changed \(changed)")
        }
    }
}
