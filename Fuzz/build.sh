#!/usr/bin/env bash
# Builds the libFuzzer target with AddressSanitizer: the engine's sources compiled
# together with Fuzz/ExpressionFuzzer.swift (normal `swift build` never sees them).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build-fuzz
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
  -module-name GradDiff \
  $(find Sources/GradDiff -name '*.swift') Fuzz/ExpressionFuzzer.swift \
  -o .build-fuzz/graddiff-fuzz
echo .build-fuzz/graddiff-fuzz
