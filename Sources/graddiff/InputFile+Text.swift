/// Files read as programs or tables (`-f`, `:load`, `minimize --data`) must be text (a
/// UTF-8 byte-order mark opening one is skipped):
/// diagnostics quote what they point at, and a file that is not text (a binary, or
/// `/proc/self/environ` with its NUL-separated variables) must not be quoted at all.
extension InputFile {
    /// The bytes of `path` ('-': standard input), if they are UTF-8 text without NUL
    /// bytes. Otherwise a failure (status 65) that names the file and the line and column
    /// of the first byte that is not text, and shows nothing of the file.
    static func readText(_ path: String) throws(Failure) -> [UInt8] {
        var bytes = try read(path)
        if withoutByteOrderMark(bytes[...]).count < bytes.count { bytes.removeFirst(3) }
        guard let problem = firstNonText(in: bytes[...]) else { return bytes }
        let (line, column) = position(of: problem.offset, in: bytes)
        throw notText(path == "-" ? "standard input" : "'\(path)'", line: line, column: column, isNul: problem.isNul)
    }

    /// `bytes` without the UTF-8 byte-order mark (EF BB BF) some editors put first: it
    /// is not text of a program or table, and would make the first name invalid.
    static func withoutByteOrderMark(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
    }

    /// The failure for input `name` (`'t.csv'`, `standard input`) whose first byte that
    /// is not text is at `line`, `column`: status 65, and nothing of the input in it.
    static func notText(_ name: String, line: Int, column: Int, isNul: Bool) -> Failure {
        let message = isNul
            ? "\(name) is not a text file: line \(line), column \(column) is a NUL byte"
            : "\(name) is not UTF-8 text: the byte at line \(line), column \(column) is not UTF-8"
        return Failure(message: message, help: "graddiff reads UTF-8 text, and quotes nothing of a file that is not",
                       status: .dataError)
    }

    /// The offset of the first NUL byte or byte that does not start or continue a valid
    /// UTF-8 sequence (no overlong forms, no surrogates, nothing past U+10FFFF).
    /// The offset counts from `bytes.startIndex`.
    static func firstNonText(in bytes: ArraySlice<UInt8>) -> (offset: Int, isNul: Bool)? {
        // The common case, ASCII without NUL, eight bytes at a time and without a copy.
        if isPlainASCII(bytes) { return nil }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead == 0 { return (index - bytes.startIndex, true) }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (index - bytes.startIndex, false)
            }
            guard index + length <= bytes.endIndex else { return (index - bytes.startIndex, false) }
            var decoder = UTF8()
            var iterator = bytes[index..<(index + length)].makeIterator()
            guard case .scalarValue = decoder.decode(&iterator) else { return (index - bytes.startIndex, false) }
            index += length
        }
        return nil
    }

    /// Whether every byte is ASCII and none is NUL, checked eight bytes at a time.
    static func isPlainASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            var index = 0
            while index + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A byte of 0x80 or more, or a zero byte, in any lane.
                let zero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if (word & 0x8080_8080_8080_8080) | zero != 0 { return false }
                index += 8
            }
            return raw[index...].allSatisfy { $0 != 0 && $0 < 0x80 }
        }
    }

    /// The 1-based line and character column of `offset`, in text valid before it.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<offset].count(where: { $0 & 0xC0 != 0x80 }) + 1
        return (line, column)
    }
}
