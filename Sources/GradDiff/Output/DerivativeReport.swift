/// Text and JSON for `--hessian`, `--order` and `--check`.
public enum DerivativeReport {
    /// Columns padded to their widest cell; the first (and, for words, the last)
    /// left-aligned, the rest right-aligned.
    static func aligned(_ rows: [[String]], lastIsText: Bool = false) -> String {
        let columns = rows.map(\.count).max() ?? 0
        return TextColumns.lines(rows, rightAligned: { $0 > 0 && !(lastIsText && $0 == columns - 1) })
            .joined(separator: "\n") + "\n"
    }

    /// The Hessian with labelled rows and columns.
    public static func hessianTable(_ names: [String], _ hessian: [[Double]], digits: Int) -> String {
        var rows = [[""] + names]
        for (index, row) in hessian.enumerated() {
            rows.append([names[index]] + row.map { NumberFormat.significant($0, digits: digits) })
        }
        return aligned(rows)
    }

    /// `{"variables": ["x", "y"], "hessian": [[2, 1], [1, 0]]}`.
    public static func hessianJSON(_ names: [String], _ hessian: [[Double]]) -> String {
        let rows = hessian.map { "[" + $0.map(JSONFormatter.number).joined(separator: ", ") + "]" }
        return "{\"variables\": \(JSONFormatter.strings(names)), \"hessian\": [\(rows.joined(separator: ", "))]}\n"
    }

    /// `d^2/dx^2 12`: the `order`-th derivative with respect to `name`, for `--order`.
    public static func orderText(_ name: String, order: Int, value: Double, digits: Int) -> String {
        "d^\(order)/d\(name)^\(order) \(NumberFormat.significant(value, digits: digits))\n"
    }

    /// `{"variable": "x", "order": 2, "value": 12}`.
    public static func orderJSON(_ name: String, order: Int, value: Double) -> String {
        "{\"variable\": \(JSONFormatter.string(name)), \"order\": \(order), \"value\": \(JSONFormatter.number(value))}\n"
    }

    /// `--check`'s table: each variable's reverse-mode gradient, the finite difference
    /// and its estimated error, the differences, and the verdict.
    public static func checkTable(_ check: GradientCheck, digits: Int) -> String {
        func number(_ value: Double) -> String { NumberFormat.significant(value, digits: digits) }
        func error(_ value: Double) -> String { NumberFormat.significant(value, digits: 3) }
        var rows = [["variable", "reverse", "central", "fd error", "abs error", "rel error", "result"]]
        for row in check.rows {
            rows.append([row.name, number(row.reverse), number(row.central), error(row.centralError), error(row.absoluteError),
                         error(row.relativeError), row.verdict == .fail ? "FAIL" : row.verdict.rawValue])
        }
        return aligned(rows, lastIsText: true)
    }

    public static func checkJSON(_ check: GradientCheck, tolerance: Double) -> String {
        let rows = check.rows.map { row in
            "{\"name\": \(JSONFormatter.string(row.name)), \"reverse\": \(JSONFormatter.number(row.reverse)), "
                + "\"central\": \(JSONFormatter.number(row.central)), "
                + "\"central_error\": \(JSONFormatter.number(row.centralError)), "
                + "\"absolute_error\": \(JSONFormatter.number(row.absoluteError)), "
                + "\"relative_error\": \(JSONFormatter.number(row.relativeError)), "
                + "\"result\": \(JSONFormatter.string(row.verdict.rawValue))}"
        }
        return "{\"tolerance\": \(JSONFormatter.number(tolerance)), \"passed\": \(check.passed), "
            + "\"variables\": [\(rows.joined(separator: ", "))]}\n"
    }

    /// A note for each variable the finite difference cannot check, saying why, and the
    /// error naming the failed ones (nil when none failed).
    public static func checkDiagnostics(_ check: GradientCheck, tolerance: Double) -> (notes: [LocatedDiagnostic], failure: Diagnostic?) {
        let notes = check.rows.compactMap { row -> LocatedDiagnostic? in
            let message: Message
            switch row.reason {
            case nil: return nil
            case .notFinite: message = .cannotCheckNotFinite(row.name)
            case .unsettled: message = .cannotCheckUnsettled(row.name)
            case .imprecise: message = .cannotCheckImprecise(row.name, error: row.centralError, tolerance: tolerance)
            case .flat: message = .cannotCheckFlat(row.name)
            }
            return LocatedDiagnostic(Diagnostic(.note, message.text, help: message.help), in: nil)
        }
        let failed = check.rows.filter { $0.verdict == .fail }.map(\.name)
        let failure = failed.isEmpty ? nil : Diagnostic.error(.checkFailed(NameList.plain(failed), tolerance: tolerance))
        return (notes, failure)
    }
}
