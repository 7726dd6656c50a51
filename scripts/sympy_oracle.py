#!/usr/bin/env python3
"""Writes Tests/GradDiffTests/SympyOracleData.swift: random expressions in graddiff's
syntax with SymPy's partial derivatives evaluated at random points, and the size of
SymPy's own derivative (count_ops), so that `swift test` checks `graddiff diff`'s
values and the length of its formulas against SymPy without needing Python.

With --compare BINARY it also runs `BINARY diff` on every case, counts the operations
of the printed formulas as SymPy does (count_ops of the text parsed unevaluated), prints
the distribution against SymPy's, and writes Tests/GradDiffTests/SympyCountData.swift:
printed formulas with SymPy's count, which checks the tests' own counter.

Usage: python3 scripts/sympy_oracle.py [COUNT] [SEED] [--compare BINARY]
       (defaults: 300 cases, seed 6)
"""
import json
import random
import re
import subprocess
import sys

import sympy
from sympy.parsing.sympy_parser import parse_expr

x, y = sympy.symbols("x y")


def generate(rng, depth):
    """A (graddiff text, sympy expression) pair, kept inside every function's domain."""
    if depth == 0 or rng.random() < 0.2:
        leaf = rng.choice(["x", "y", "x", "y", "2", "3", "0.5", "pi"])
        value = {"x": x, "y": y, "pi": sympy.pi}.get(leaf) or sympy.Rational(leaf)
        return leaf, value
    a_text, a = generate(rng, depth - 1)
    kind = rng.randrange(14)
    if kind < 6:
        b_text, b = generate(rng, depth - 1)
        if kind == 0:
            return f"({a_text} + {b_text})", a + b
        if kind == 1:
            return f"({a_text} - {b_text})", a - b
        if kind in (2, 3):
            return f"({a_text}) * ({b_text})", a * b
        if kind == 4:
            return f"({a_text}) / (1.5 + ({b_text})^2)", a / (sympy.Rational(3, 2) + b**2)
        return f"(1 + ({a_text})^2)^sin({b_text})", (1 + a**2) ** sympy.sin(b)
    unary = [
        ("sin({})", sympy.sin), ("cos({})", sympy.cos), ("exp({})", sympy.exp),
        ("tanh({})", sympy.tanh), ("atan({})", sympy.atan),
        ("log(1 + ({})^2)", lambda t: sympy.log(1 + t**2)),
        ("sqrt(1 + ({})^2)", lambda t: sympy.sqrt(1 + t**2)),
        ("({})^3", lambda t: t**3),
    ]
    text, function = unary[kind - 6]
    return text.format(a_text), function(a)


def printed_ops(program):
    """count_ops of a printed derivative (`t1 = ...; expression`), each line parsed as written."""
    total = 0
    for line in program.split("; "):
        rhs = line.split(" = ", 1)[1] if re.match(r"^t\d+ = ", line) else line
        total += sympy.count_ops(parse_expr(rhs.replace("^", "**"), evaluate=False, local_dict={"pi": sympy.pi}))
    return total


def compare(binary, cases):
    """Prints how graddiff's printed derivatives compare with SymPy's; returns calibration pairs."""
    pairs, ratios = [], []
    for text, sympy_counts in cases:
        run = subprocess.run([binary, "diff", "--format", "json", text], capture_output=True, text=True, check=True)
        printed = json.loads(run.stdout)
        for name, theirs in zip(("x", "y"), sympy_counts):
            program = printed.get(name, "0")
            ours = printed_ops(program)
            ratios.append((ours, theirs))
            if len(pairs) < 80 and program not in (p for p, _ in pairs):
                pairs.append((program, ours))
    n = len(ratios)
    at_most = sum(1 for ours, theirs in ratios if ours <= theirs)
    worst = max((ours / theirs if theirs else (0 if ours == 0 else float("inf"))) for ours, theirs in ratios)
    fewer = sum(1 for ours, theirs in ratios if ours < theirs)
    print(f"{n} derivatives: graddiff's formula has fewer operations than SymPy's on {fewer}, "
          f"at most as many on {at_most} ({100 * at_most / n:.1f}%); the largest ratio is {worst:.2f}")
    buckets = {}
    for ours, theirs in ratios:
        key = "equal" if ours == theirs else ("fewer" if ours < theirs else f"more (x{ours / theirs:.2f})")
        buckets[key] = buckets.get(key, 0) + 1
    for key in sorted(buckets):
        print(f"  {key}: {buckets[key]}")
    total_ours = sum(o for o, _ in ratios)
    total_theirs = sum(t for _, t in ratios)
    print(f"  operations in all: graddiff {total_ours}, SymPy {total_theirs}")
    return pairs


def main():
    arguments = sys.argv[1:]
    binary = None
    if "--compare" in arguments:
        index = arguments.index("--compare")
        binary = arguments[index + 1]
        del arguments[index:index + 2]
    count = int(arguments[0]) if len(arguments) > 0 else 300
    rng = random.Random(int(arguments[1]) if len(arguments) > 1 else 6)
    lines = []
    compared = []
    while len(lines) < count:
        text, expression = generate(rng, 4)
        point = {x: round(rng.uniform(-1.5, 1.5), 6), y: round(rng.uniform(-1.5, 1.5), 6)}
        values = []
        counts = []
        for variable in (x, y):
            derivative = sympy.diff(expression, variable)
            counts.append(sympy.count_ops(derivative))
            value = derivative.evalf(30, subs=point)
            if not value.is_real or abs(value) > 1e12:
                break
            # Skip ill-conditioned cases (cos of 1e10): doubles cannot agree with 30 digits there.
            in_doubles = sympy.lambdify((x, y), derivative, "math")(point[x], point[y])
            if abs(in_doubles - float(value)) > 1e-11 * max(1.0, abs(float(value))):
                break
            values.append(repr(float(value)))
        else:
            lines.append(f'        SympyCase(id: "{len(lines)}", expression: "{text}", x: {point[x]!r}, y: {point[y]!r}, '
                         f'dx: {values[0]}, dy: {values[1]}, sympyOperationsX: {counts[0]}, sympyOperationsY: {counts[1]}),')
            compared.append((text, counts))
    with open("Tests/GradDiffTests/SympyOracleData.swift", "w") as out:
        out.write("// Generated by scripts/sympy_oracle.py with SymPy " + sympy.__version__ + "; do not edit.\n")
        out.write("extension SympyOracleTests {\n    static let cases: [SympyCase] = [\n")
        out.write("\n".join(lines) + "\n    ]\n}\n")
    if binary:
        pairs = compare(binary, compared)
        with open("Tests/GradDiffTests/SympyCountData.swift", "w") as out:
            out.write("// Generated by scripts/sympy_oracle.py --compare with SymPy " + sympy.__version__ + "; do not edit.\n")
            out.write("// Formulas graddiff diff printed, and SymPy's count_ops of each parsed unevaluated.\n")
            out.write("extension SympyOperationCountTests {\n    static let calibration: [(formula: String, operations: Int)] = [\n")
            out.write("\n".join(f"        ({json.dumps(p)}, {c})," for p, c in pairs) + "\n    ]\n}\n")


if __name__ == "__main__":
    main()
