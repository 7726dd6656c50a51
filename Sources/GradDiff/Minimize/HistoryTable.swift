/// `--history FILE.csv`: one row per logged step, `step,loss,gradient_norm,NAME...`,
/// numbers in their shortest exact form.
public enum HistoryTable {
    public static func csv(_ result: MinimizeResult) -> String {
        var text = (["step", "loss", "gradient_norm"] + result.parameterNames).joined(separator: ",") + "\n"
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
