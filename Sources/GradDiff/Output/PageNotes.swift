/// What a page shows besides the passes' numbers: the program's text and the warnings
/// the terminal printed for it (all of them; and the kink and nan/inf ones apart, to put
/// each on its node). The evaluation pipeline makes it (`Evaluation.pageNotes`).
public struct PageNotes: Sendable {
    public var source: SourceText
    public var warnings: [LocatedDiagnostic]
    public var kinkWarnings: [LocatedDiagnostic]
    public var numericWarnings: [LocatedDiagnostic]

    public init(source: SourceText, warnings: [LocatedDiagnostic], kinkWarnings: [LocatedDiagnostic],
                numericWarnings: [LocatedDiagnostic]) {
        self.source = source
        self.warnings = warnings
        self.kinkWarnings = kinkWarnings
        self.numericWarnings = numericWarnings
    }
}
