import Foundation
import Testing

/// `graddiff minimize`'s optimizer options apply to the optimizer that uses them; one
/// given to another optimizer is refused (exit status 64), not silently ignored.
@Suite struct MinimizeOptimizerOptionTests {
    static let loss = ["minimize", "-q", "(x-3)^2", "x=0", "--lr", "0.1", "--steps", "5"]

    @Test(arguments: [
        (["--momentum", "0.5"], "--momentum applies to --optimizer momentum; --optimizer sgd does not use it\nhelp: add --optimizer momentum"),
        (["--epsilon", "1e-6"], "--epsilon applies to --optimizer adam; --optimizer sgd does not use it\nhelp: add --optimizer adam"),
        (["--optimizer", "momentum", "--beta1", "0.5"], "--beta1 applies to --optimizer adam; --optimizer momentum does not use it"),
        (["--optimizer", "adam", "--momentum", "0.5"], "--momentum applies to --optimizer momentum; --optimizer adam does not use it"),
        (["--optimizer", "sgd", "--beta2", "0.9"], "--beta2 applies to --optimizer adam"),
    ])
    func unusedOptionIsRefused(_ options: [String], _ message: String) throws {
        let result = try GraddiffProcess.run(Self.loss + options)
        #expect(result.status == 64, "\(result.stdout)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// The option changes the run of the optimizer that uses it.
    @Test(arguments: [
        ["--optimizer", "momentum", "--momentum", "0.5"],
        ["--optimizer", "adam", "--beta1", "0.5"],
        ["--optimizer", "adam", "--epsilon", "10"],
    ])
    func usedOptionChangesTheRun(_ options: [String]) throws {
        let chosen = try GraddiffProcess.run(Self.loss + options)
        let defaults = try GraddiffProcess.run(Self.loss + options.prefix(2))
        #expect(chosen.status == 0 && defaults.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout != defaults.stdout)
    }
}
