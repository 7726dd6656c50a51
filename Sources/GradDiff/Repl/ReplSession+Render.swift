/// `:render FILE`: the graph of the last expression the session printed, drawn by the
/// driver (`ReplFiles.render`) into FILE, whose extension picks the format, as with
/// `--render`.
extension ReplSession {
    func render(_ argument: Argument) -> ReplReply {
        guard !argument.text.isEmpty else {
            return argument.error(.commandNeedsArgument("render", what: "a file name", usage: ":render FILE.html (or .svg, .png, .pdf)"))
        }
        let path = unquoted(argument.text)
        guard let last = lastExpression else {
            return argument.error(.nothingToDraw(path: argument.text))
        }
        var reply = ReplReply()
        do throws(ReplFileError) {
            reply.diagnostics = try files.render(last.evaluation, options: last.options, to: path)
                .map { LocatedDiagnostic($0, in: nil) }
        } catch {
            return argument.error(Message(error.message, help: error.help))
        }
        if confirmsDefinitions {
            let count = last.evaluation.tape.count
            reply.output = "drew the last expression's graph (\(count) node\(count == 1 ? "" : "s")) into \(path)\n"
        }
        return reply
    }
}

extension ReplFiles {
    /// A session whose files cannot hold pictures (the tests' dictionary) says so.
    public func render(_ evaluation: Evaluation, options: OutputOptions, to path: String) throws(ReplFileError) -> [Diagnostic] {
        throw ReplFileError("cannot draw '\(path)' here: this session has no picture renderer")
    }
}
