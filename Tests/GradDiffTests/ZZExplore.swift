import Testing
@testable import GradDiff

@Test func zzExplore() throws {
    func show(_ text: String, _ bindings: String = "", output: String? = nil) {
        do {
            let e = try evaluate(text, bindings, output: output)
            print("OK", text.debugDescription, "value", e.value, "vars", e.tape.variableNames, "grads", e.variableGradients, "defaults", e.program.defaults, "warnings", e.warningMessages, "labels", (0..<e.tape.count).map { e.tape.label(of: NodeID($0)) })
        } catch let error as UserError {
            for d in error.diagnostics {
                let s = d.source
                let text = d.diagnostic.span.map { s?.text(of: $0) ?? "?" } ?? "-"
                print("ERR", text.debugDescription, d.diagnostic.message, "| help:", d.diagnostic.help ?? "-", "| span text:", text.debugDescription, "| source:", s?.name ?? "nil")
            }
        } catch { print("other", error) }
    }
    show("a = 1; a = 2; a * x", "x=3")
    show("a = 1; a = 2; a * x", "x=3 a=5")
    show("c = x + 1; c = 5; c * 2", "x=1")
    show("pi = 3; pi * x", "x=2")
    show("y = x + 1; x = 3; x * y")
    show("y = x + 1; x = x * 2; x * y", "x=1")
    show("q = x; q * 2", "x=1")
    show("p = x + y; g = p * z", "x=1 y=3 z=-3", output: "gg")
    show("x + 1", "x=1", output: "p")
    show("f(a) = a * w; f(x)", "x=2 w=3")
    show("k = x * 2; f(a) = a * k; f(y)", "x=2 y=3")
    show("f(a) = a * k; k = x * 2; f(y)", "x=2 y=3")
    show("f(a) = a * k; k = 5; f(y)", "y=3")
    show("f(a, b) = a + b; f(1)")
    show("f(a) = a; f = 3")
    show("f = x; f(a) = a", "x=1")
    show("f(a, a) = a")
    show("g(a) = h(a); h(a) = a")
    show("f(e) = e^2; f(x)", "x=3")
    show("f(x) = x^2; f(x)", "x=3")
    show("x = 2; f(a) = a * x; x = 5; f(1)")
    show("p = x + y", "x=1 y=2 x=3")
    show("p = x + y; p * 2", "x=1 y=2 p=3")
    show("x + y", "x=1 yy=2")
    show("x + y")
    show("sqrt(x)", "x=0")
    show("log(x) * y", "x=-1 y=2")
    show("w = 0.5; x * 2", "x=1")
    show("x = 1; x = x + 1; x", "")
    show("f(a) = a^2\nf(3)")
    show("2*3")
    show("x = 3")
    var program = try parseProgram("y = x + 1")
    try ProgramParser.parse(SourceText(name: "line 2", text: "y * 2"), into: &program)
    do { _ = try Evaluation.run(program, bindings: []) } catch let error as UserError {
        for d in error.diagnostics { print("INCR", d.diagnostic.message, d.source?.name ?? "nil", d.diagnostic.span.map { d.source!.text(of: $0) } ?? "-") }
    }
    for b in ["x", "=3", "3x=1", "sin=1", "pi=3", "x=", "x=y+1", "x=1 2", " x = -3 ", "r=2*pi", "w=1e-3", "θ=2", "x=1/0", "x=(1"] {
        do { let bb = try Binding.parse(b); print("BIND", b.debugDescription, bb.name, bb.value) }
        catch { for d in error.diagnostics { print("BINDERR", b.debugDescription, d.diagnostic.message, "| help:", d.diagnostic.help ?? "-", d.diagnostic.span.map { d.source!.location(of: Int($0.start)) } as Any) } }
    }
}
