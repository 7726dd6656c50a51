#!/usr/bin/env python3
"""Writes docs/classes.csv: 150 rows of a 3-class problem shaped like Fisher's iris data
(the three species' mean measurements), made deterministically so that no data set is
downloaded: 50 rows per class, each feature its class mean plus noise (the sum of three
uniforms from a 31-bit linear congruential generator, centred and scaled to the spread
below), and the class one-hot in t1..t3. Tests/GraddiffCLITests/TensorCommandTests.swift
makes the same rows and checks this file against them."""
import sys

MEANS = [[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]]
SPREAD = [0.35, 0.3, 0.45, 0.2]

def rows():
    state = 1
    def uniform():
        nonlocal state
        state = (state * 1103515245 + 12345) % 2**31
        return state / 2**31
    for k in range(150):
        cls = k % 3
        features = [round(MEANS[cls][f] + (uniform() + uniform() + uniform() - 1.5) * 2 * SPREAD[f], 2) for f in range(4)]
        yield features + [1 if cls == c else 0 for c in range(3)]

def main():
    out = sys.stdout if len(sys.argv) < 2 else open(sys.argv[1], "w")
    out.write("x1,x2,x3,x4,t1,t2,t3\n")
    for row in rows():
        out.write(",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in row) + "\n")

main()
