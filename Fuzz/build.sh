#!/usr/bin/env bash
# Builds the two libFuzzer targets with AddressSanitizer, each from the engine's sources
# compiled together with its entry point (normal `swift build` never sees Fuzz/), the
# header-only C module CPrefetch and the C modules CMemory and CCores (each one file,
# compiled first):
#   .build-fuzz/graddiff-fuzz          ExpressionFuzzer.swift: one expression or binding
#   .build-fuzz/graddiff-fuzz-program  ProgramFuzzer.swift: programs with bindings and
#                                      batch rows, REPL entries, symbolic derivatives
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build-fuzz
for module in CMemory CCores; do
  clang -fsanitize=address -O2 -g -I "Sources/$module/include" -c "Sources/$module/$module.c" -o ".build-fuzz/$module.o"
done
build() {
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name GradDiff -I Sources/CPrefetch/include -I Sources/CMemory/include -I Sources/CCores/include \
    $(find Sources/GradDiff -name '*.swift') .build-fuzz/CMemory.o .build-fuzz/CCores.o "Fuzz/$1" \
    -o ".build-fuzz/$2"
  echo ".build-fuzz/$2"
}
# Both at once: each compile is one whole-module optimisation, mostly on one core.
build ExpressionFuzzer.swift graddiff-fuzz &
expression=$!
build ProgramFuzzer.swift graddiff-fuzz-program &
program=$!
# Both are waited for before either failure ends the script, so its log is whole.
status=0
wait "$expression" || status=$?
wait "$program" || status=$?
exit "$status"
