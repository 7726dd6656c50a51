#!/usr/bin/env python3
"""Writes Tests/GradDiffTests/PartialsOracleData.swift: every op's local partial
derivatives at ordinary and extreme inputs (tiny, subnormal, huge, next to a domain's
edge), computed by mpmath with 300 bits at the exact double inputs and rounded once,
so that `swift test` checks the rule table against them without needing Python.

Where the derivative does not exist, graddiff's documented conventions hold and are
written out here: d(a^b)/db is 0 at a = 0 and nan for a < 0, d(a^b)/da is 0 when
b = 0. Kinks (abs and relu at 0, min and max at a tie) are left to their own tests.

Usage: python3 scripts/partials_oracle.py   (needs mpmath: pip install mpmath)
"""
import math
import sys

import mpmath
from mpmath import mp, mpf

mp.prec = 300

OUT = "Tests/GradDiffTests/PartialsOracleData.swift"


def sigmoid(a):
    return 1 / (1 + mpmath.exp(-a))


# Each unary op: its derivative in mpmath, and its domain (for the points tried).
UNARY = {
    "neg": (lambda a: mpf(-1), lambda a: True),
    "sin": (mpmath.cos, lambda a: abs(a) < 1e15),
    "cos": (lambda a: -mpmath.sin(a), lambda a: abs(a) < 1e15),
    "tan": (lambda a: 1 / mpmath.cos(a) ** 2, lambda a: abs(a) < 1e15),
    "asin": (lambda a: 1 / mpmath.sqrt(1 - a * a), lambda a: abs(a) < 1),
    "acos": (lambda a: -1 / mpmath.sqrt(1 - a * a), lambda a: abs(a) < 1),
    "atan": (lambda a: 1 / (1 + a * a), lambda a: True),
    "sinh": (mpmath.cosh, lambda a: True),
    "cosh": (mpmath.sinh, lambda a: True),
    "tanh": (lambda a: 1 / mpmath.cosh(a) ** 2, lambda a: True),
    "exp": (mpmath.exp, lambda a: True),
    "log": (lambda a: 1 / a, lambda a: a > 0),
    "log2": (lambda a: 1 / (a * mpmath.log(2)), lambda a: a > 0),
    "log10": (lambda a: 1 / (a * mpmath.log(10)), lambda a: a > 0),
    "sqrt": (lambda a: 1 / (2 * mpmath.sqrt(a)), lambda a: a > 0),
    "cbrt": (lambda a: 1 / (3 * mpmath.cbrt(a) ** 2) if a > 0 else 1 / (3 * mpmath.cbrt(-a) ** 2), lambda a: a != 0),
    "abs": (lambda a: mpf(1 if a > 0 else -1), lambda a: a != 0),
    "relu": (lambda a: mpf(1 if a > 0 else 0), lambda a: a != 0),
    "sigmoid": (lambda a: sigmoid(a) * sigmoid(-a), lambda a: True),
    "softplus": (sigmoid, lambda a: True),
}

UNARY_POINTS = [
    0.5, -0.7, 2.0, -3.5, 1e-200, -1e-160, 1e-310, 1e-100, 1e100, 1e200, -1e300, 20.0, -20.0, 40.0, -40.0,
    300.0, 700.0, -700.0, 0.999999, -0.9999999999, 1 - 2**-52, 1e-8, 3e7, 1.5707963267948966,
]


# Points where one op's rule has an edge of its own: atan' = 1/(1 + a^2) past the
# overflow of a^2 (|a| > 1.34e154), where it is a subnormal number until |a| = 1e162;
# hypot's partials a/hypot(a, b) where hypot is subnormal or overflows, and their
# derivatives b^2/hypot^3 where |b| is far below |a| (1/hypot - a^2/hypot^3 cancels).
OWN_POINTS = {"atan": [1.3e154, 1.35e154, 2e154, -5e155, 1e160, 3e161],
              "hypot": [(5e-324, 1e-323), (1e-320, 1e-320), (-3e-321, 4e-321), (1.5e308, -1.5e308)],
              "hquot": [(1.0, 1e-3), (1.0, 1e-8), (-2.5, 1e-12), (1e200, 3e190), (3e-200, -1e-205), (1.0, 1.0)]}


def power_partials(a, b):
    """d(a^b)/da and d(a^b)/db with graddiff's conventions."""
    if b == 0:
        da = mpf(0)
    elif a == 0:
        da = mpf(0) if b > 1 else (mpf(1) if b == 1 else mpmath.inf)
    elif a < 0 and b != int(b):
        da = mpmath.nan
    else:
        da = b * mpf(a) ** (b - 1)
    if a == 0:
        db = mpf(0)
    elif a < 0:
        db = mpmath.nan
    else:
        db = mpf(a) ** b * mpmath.log(a)
    return da, db


BINARY = {
    "add": lambda a, b: (mpf(1), mpf(1)),
    "sub": lambda a, b: (mpf(1), mpf(-1)),
    "mul": lambda a, b: (mpf(b), mpf(a)),
    "div": lambda a, b: (1 / mpf(b), -mpf(a) / mpf(b) ** 2),
    "pow": power_partials,
    "atan2": lambda a, b: (mpf(b) / (mpf(a) ** 2 + mpf(b) ** 2), -mpf(a) / (mpf(a) ** 2 + mpf(b) ** 2)),
    "hypot": lambda a, b: (mpf(a) / mpmath.hypot(a, b), mpf(b) / mpmath.hypot(a, b)),
    # Internal: hypot's quotient a/hypot(a, b), whose partials are its second derivatives.
    "hquot": lambda a, b: (mpf(b) ** 2 / mpmath.hypot(a, b) ** 3, -mpf(a) * mpf(b) / mpmath.hypot(a, b) ** 3),
}

BINARY_POINTS = [
    (3.0, -4.0), (0.5, 2.5), (-1.5, 0.25), (1e-200, 1e-200), (-1e-200, 1e-200), (1e-160, 1e-160),
    (1e-160, -3e-161), (1e200, 1e200), (-1e200, 3e199), (1e-300, 1.0), (1.0, 1e-300), (1e300, 1e-300),
    (1e-310, 1e-310), (2e-320, 3e-320), (1e154, 1e154), (7.0, 1e-20), (-0.5, 1e300), (-0.5, 3.0),
    (-2.0, 0.5), (0.0, 0.5), (0.0, 2.0), (2.0, 0.0), (1e-300, 0.5), (1e300, 0.5), (1.000001, 1e6),
]

# Known limitations, left out: hypot's second derivatives where hypot is subnormal or
# overflows (they divide by it, which has lost its digits or is inf); d(a^b)/da = b*a^(b-1) where a^(b-1) overflows or
# underflows although b*a^(b-1) does not, or where b - 1 rounds to a whole number for a
# negative base and a tiny b.
LIMITATIONS = {
    ("pow", 1e-310, 1e-310), ("pow", 2e-320, 3e-320), ("pow", 10.0, -320.0), ("pow", -1e-200, 1e-200),
    ("hquot", 1e-310, 1e-310), ("hquot", 2e-320, 3e-320),
}

POWER_POINTS = BINARY_POINTS + [(-0.5, 1e300 + 2**948), (-0.5, 1075.0), (-0.5, 1074.0), (1e-300, 2.0), (10.0, -320.0)]


def rounded(x):
    """An mpmath number as a Swift Double expression, rounded once."""
    if isinstance(x, mpmath.mpc):
        return ".nan"
    if mpmath.isnan(x):
        return ".nan"
    if mpmath.isinf(x):
        return ".infinity" if x > 0 else "-.infinity"
    value = float(mpmath.nstr(x, 40, min_fixed=1, max_fixed=0))  # Python rounds decimal text correctly
    if math.isinf(value):
        return ".infinity" if value > 0 else "-.infinity"
    return swift_double(value)


def swift_double(value):
    if value == 0:
        return "-0.0" if math.copysign(1, value) < 0 else "0.0"
    text = repr(value)
    if abs(value) < sys.float_info.min:
        # Swift 6.3 warns at every subnormal literal, exact or not: read it at run time.
        return f'Double("{text}")!'
    if "e" in text or "." in text:
        return text
    return text + ".0"


def main():
    lines = []
    for name, (derivative, domain) in UNARY.items():
        for a in UNARY_POINTS + OWN_POINTS.get(name, []):
            if not domain(a):
                continue
            d = derivative(mpf(a))
            lines.append(f'        PartialCase(op: "{name}", a: {swift_double(a)}, da: {rounded(d)}),')
    for name, partials in BINARY.items():
        points = (POWER_POINTS if name == "pow" else BINARY_POINTS) + OWN_POINTS.get(name, [])
        for a, b in points:
            if (name in ("atan2", "hypot", "hquot") and a == 0 and b == 0) or (name == "div" and b == 0):
                continue
            if (name, a, b) in LIMITATIONS:
                continue
            da, db = partials(a, b)
            lines.append(f'        PartialCase(op: "{name}", a: {swift_double(a)}, b: {swift_double(b)}, '
                         f'da: {rounded(da)}, db: {rounded(db)}),')
    with open(OUT, "w") as out:
        out.write(f"// Generated by scripts/partials_oracle.py with mpmath {mpmath.__version__}; do not edit.\n")
        out.write("extension PartialsOracleTests {\n    static let cases: [PartialCase] = [\n")
        out.write("\n".join(lines) + "\n")
        out.write("    ]\n}\n")
    print(f"wrote {len(lines)} cases to {OUT}")


if __name__ == "__main__":
    main()
