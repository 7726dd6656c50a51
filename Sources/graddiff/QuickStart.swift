import ArgumentParser
import GradDiff

/// The command line of the common case read by hand, so that `graddiff "(x+y)*z" x=1`
/// starts about as fast as a bare Swift program. swift-argument-parser builds its model
/// of a command by reflection (a `Mirror` over every option, a dynamic cast and a
/// protocol-conformance lookup each): about 15 million instructions, three quarters of
/// the start-up, before `main` does any work.
///
/// Only arguments that cannot mean anything else are read here: an expression or `-f`,
/// bindings, and a few options, each at most once, long ones as `--name value` or
/// `--name=value`. Anything else (`--help`, `--`, a short flag cluster, an argument
/// starting with `-`, an unknown or repeated option, a value that does not parse or an
/// invalid combination) returns nil, and the argument parser reads the whole line as
/// always, with its messages. What is read here is `CommandOptions`, plain values with
/// `Graddiff`'s defaults, not `Graddiff` itself: its property wrappers cost the runtime
/// a conformance lookup each (`QuickStartTests` compares the two on many command lines).
enum QuickStart {
    static func parse(_ arguments: [String]) -> CommandOptions? {
        var command = CommandOptions()
        var seen = Set<String>()
        var index = 0
        var positional: [String] = []
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                positional.append(argument)
                continue
            }
            var name = argument
            var value: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard seen.insert(canonical(name)).inserted else { return nil }
            if setFlag(name, &command) {
                guard value == nil else { return nil }
                continue
            }
            guard isOption(name) else { return nil }
            if value == nil {
                guard index < arguments.count, !arguments[index].hasPrefix("-") || arguments[index] == "-" else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value, setOption(name, value, &command) else { return nil }
        }
        command.program.arguments = positional
        do {
            try command.program.validate()
            try command.wrtOption.validate()
            try command.validate()
        } catch {
            return nil
        }
        return command
    }

    /// One name per option: `-q` and `--quiet` are the same option twice.
    private static func canonical(_ name: String) -> String {
        switch name {
        case "-q": return "--quiet"
        case "-f": return "--file"
        default: return name
        }
    }

    /// Sets the flag `name` if it is one of the flags read here.
    private static func setFlag(_ name: String, _ command: inout CommandOptions) -> Bool {
        switch name {
        case "-q", "--quiet": command.quiet = true
        case "--strict": command.strict = true
        case "--keep-going": command.keepGoing = true
        default: return false
        }
        return true
    }

    private static func isOption(_ name: String) -> Bool {
        ["-f", "--file", "--output", "--wrt", "--batch", "--format", "--nodes", "--kink", "--color", "--precision",
         "--max-nodes", "--threads"].contains(name)
    }

    /// Sets option `name` to `value`: false if the value does not parse.
    private static func setOption(_ name: String, _ value: String, _ command: inout CommandOptions) -> Bool {
        switch name {
        case "-f", "--file": command.program.file = value
        case "--output": command.program.output = value
        case "--wrt": command.wrtOption.wrt = value
        case "--batch": command.batch = value
        case "--format": return set(&command.format, value)
        case "--nodes": return set(&command.nodes, value)
        case "--kink":
            guard let kink = KinkConvention(argument: value) else { return false }
            command.kink = kink
        case "--color": return set(&command.program.color, value)
        case "--precision":
            guard let precision = Int(argument: value) else { return false }
            command.precision = precision
        case "--max-nodes": return set(&command.program.maxNodes, value)
        case "--threads":
            guard let threads = Int(argument: value) else { return false }
            command.threads = threads
        default: return false
        }
        return true
    }

    /// Sets `property` to `text` read as the argument parser reads it.
    private static func set<Value: ExpressibleByArgument>(_ property: inout Value, _ text: String) -> Bool {
        guard let value = Value(argument: text) else { return false }
        property = value
        return true
    }
}
