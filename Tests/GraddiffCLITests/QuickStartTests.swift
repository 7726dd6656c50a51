import ArgumentParser
import Foundation
import Testing
@testable import graddiff

/// The common command line is read by hand at start-up (`QuickStart`), not by the
/// argument parser; what it makes (`CommandOptions`, plain values) must be exactly what
/// the parser makes (`Graddiff`, property wrappers), and a command line it cannot read
/// with certainty must go to the parser.
@Suite struct QuickStartTests {
    /// Every property of a command, by path, as text (`format = json`,
    /// `program.arguments = ["x"]`): a property wrapper's value, or a plain one. An
    /// option group or a plain struct of options lists its own; an unset wrapper reads
    /// `...(*definition*)`.
    static func properties(_ value: Any, prefix: String = "") -> [String] {
        Mirror(reflecting: value).children.flatMap { child -> [String] in
            let name = prefix + (child.label ?? "?").replacingOccurrences(of: "_", with: "")
            let value = Mirror(reflecting: child.value).descendant("_parsedValue", "value") ?? child.value
            if value is ProgramOptions || value is WrtOption || value is ProgramOptions.Values || value is WrtOption.Values {
                return properties(value, prefix: name + ".")
            }
            return ["\(name) = \(String(describing: value))"]
        }
    }

    static let readHere: [[String]] = [
        ["(x+y)*z", "x=1", "y=3", "z=-3"],
        ["-q", "--wrt", "x", "x^2", "x=3"],
        ["x^2", "x=3", "--quiet", "--wrt=x"],
        ["--format", "json", "--nodes", "none", "x*y", "x=2", "y=3"],
        ["--format=csv", "--precision", "4", "--kink", "mean", "--strict", "relu(x)", "x=0"],
        ["-f", "-", "--output", "p", "--max-nodes", "100", "--color", "never", "x=1"],
        ["--batch", "-", "--threads", "2", "--keep-going", "x*y"],
        ["--file=prog.gd", "--format", "tsv"],
        [],
        // Main's arguments: tensor bindings, a binding list a hint explains at run time,
        // an expression and a binding named like subcommands, words a hint explains.
        ["sum(W @ v)", "W=[[1,2],[3,4]]", "v=[1,-1]", "--format", "json", "--nodes", "inputs"],
        ["sum(W)", "W=@weights.csv"],
        ["x^2", "x=-2,y=5"],
        ["diff", "diff=2"],
        ["x", "=", "2"],
        ["--kink", "zero", "abs(x)", "x=0"],
    ]

    static let leftToTheParser: [[String]] = [
        ["--help"], ["-h"], ["--version"], ["--explain", "x*y", "x=1", "y=2"], ["--", "-x", "x=1"],
        ["-x+1", "x=1"], ["-q", "-q", "x", "x=1"], ["-qi", "x=1"], ["--quiet=yes", "x", "x=1"],
        ["--format", "xml", "x", "x=1"], ["--nodes", "none", "x", "x=1"], ["--precision", "99", "x", "x=1"],
        ["--precision", "-3", "x", "x=1"], ["--wrt"], ["--threads", "2", "x", "x=1"], ["--hessian", "x^2", "x=1"],
        ["--render", "g.svg", "x", "x=1"], ["-i", "x=1"], ["--unknown", "x"], ["-f=prog.gd"],
        ["--generate-completion-script", "bash"],
        ["x", "=", "-2", "y", "=", "5"], ["-x^2"], ["--elements", "sum(W)", "W=[1,2]"], ["--seed", "3", "randn(2)"],
        ["--jacobian", "x"], ["--mode", "forward", "x"], ["--tangent", "x=1", "x"],
        ["--precision", "0", "x"], ["--format", "json", "-q", "x"], ["--threads", "0", "--batch", "-", "x"],
    ]

    @Test(arguments: readHere)
    func readsAsTheParserDoes(_ arguments: [String]) throws {
        let quick = try #require(QuickStart.parse(arguments), "\(arguments) should be read here")
        let parsed = try #require(try Graddiff.parseAsRoot(arguments) as? Graddiff)
        let quickProperties = Self.properties(quick)
        let parsedProperties = Self.properties(parsed)
        #expect(!parsedProperties.contains { $0.contains("definition") }, "a property left unset: \(parsedProperties)")
        #expect(quickProperties == parsedProperties)
        // What the parser's command hands the runners is what it holds.
        #expect(Self.properties(parsed.options) == parsedProperties)
        #expect(quickProperties.count > 25)
        #expect(quickProperties.contains { $0.hasPrefix("program.arguments = ") } && quickProperties.contains { $0.hasPrefix("format = ") })
    }

    @Test(arguments: leftToTheParser)
    func leavesTheRestToTheParser(_ arguments: [String]) {
        #expect(QuickStart.parse(arguments) == nil, "\(arguments)")
    }
}
