/// Where each piece of a session's text came from. A program parsed piece by piece
/// keeps one source, every accepted entry joined by newlines, so that every node's span
/// stays valid; this remembers where each entry starts in it, so that a diagnostic is
/// shown against the entry it points into, under that entry's name and numbered by the
/// line it was read on (`<stdin>:12:5`), not by its place in the joined text.
struct SessionText {
    struct Piece {
        /// Where the piece starts in the program's source, and its length there.
        var start: Int
        var length: Int
        /// The piece as it was read, with its own name and first line number.
        var source: SourceText
        /// Where the piece starts in `source`: after the command of an entry such as
        /// `:check x*y`, whose expression alone is parsed but whose line is shown.
        var offset = 0

        /// The piece shown as part of `line`, starting at byte `offset` of it.
        mutating func show(in line: SourceText, from offset: Int) {
            source = line
            self.offset = offset
        }
    }

    private(set) var pieces: [Piece] = []

    /// Where `source` will start in the program's source once parsed into it: after a
    /// newline, unless the program's text is still empty (see `ProgramParser.parse(_:into:)`).
    static func piece(_ source: SourceText, after programSource: SourceText) -> Piece {
        Piece(start: programSource.bytes.isEmpty ? 0 : programSource.bytes.count + 1, length: source.bytes.count, source: source)
    }

    /// Records a piece the program now holds.
    mutating func append(_ piece: Piece) {
        if piece.start == 0 { pieces = [] }
        pieces.append(piece)
    }

    /// `located`, which points into the program's joined source, moved into the piece
    /// it points into (`pending` is the entry being run, not yet recorded). Other
    /// spans that fall in another piece are dropped; the renderer shows one line anyway.
    func relocate(_ located: LocatedDiagnostic, pending: Piece? = nil) -> LocatedDiagnostic {
        guard located.source != nil, let last = pending ?? pieces.last else { return located }
        guard let span = located.diagnostic.span else {
            return LocatedDiagnostic(located.diagnostic, in: last.source)
        }
        let piece = self.piece(containing: Int(span.start), pending: pending) ?? last
        let range = piece.start...(piece.start + piece.length)
        func shifted(_ span: SourceSpan) -> SourceSpan {
            let shift = piece.offset - piece.start
            return SourceSpan(start: Int(span.start) + shift, end: Int(span.end) + shift)
        }
        var diagnostic = located.diagnostic
        diagnostic.span = shifted(span)
        diagnostic.otherSpans = diagnostic.otherSpans
            .filter { range.contains(Int($0.start)) && range.contains(Int($0.end)) }
            .map(shifted)
        return LocatedDiagnostic(diagnostic, in: piece.source)
    }

    /// The last piece starting at or before `offset` (a binary search: a session may
    /// hold 10^5 pieces, and every diagnostic looks one up).
    private func piece(containing offset: Int, pending: Piece?) -> Piece? {
        if let pending, pending.start <= offset { return pending }
        var (low, high) = (0, pieces.count)
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? pieces[low - 1] : nil
    }
}
