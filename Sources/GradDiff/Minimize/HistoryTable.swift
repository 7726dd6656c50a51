/// `--history FILE.csv`: one row per logged step, `step,loss,gradient_norm,NAME...`,
/// numbers in their shortest exact form.
public enum HistoryTable {
    public static func csv(_ result: MinimizeResult) -> String {
        // A matrix element's column, W[1,2], is quoted.
        let names = result.parameterNames.map { $0.contains(",") ? "\"\($0)\"" : $0 }
        var text = (["step", "loss", "gradient_norm"] + names).joined(separator: ",") + "\n"
        for record in result.history {
            text += String(record.step)
            for value in [record.loss, record.gradientNorm] + record.parameters {
                text += "," + NumberFormat.shortest(value)
            }
            text += "\n"
        }
        return text
    }
}
