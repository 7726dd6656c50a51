// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "graddiff",
    products: [
        .executable(name: "graddiff", targets: ["graddiff"]),
        .library(name: "GradDiff", targets: ["GradDiff"]),
    ],
    targets: [
        // The engine: text → tokens → tape → values → gradients → output. No Foundation.
        .target(name: "GradDiff", dependencies: ["CPrefetch", "CMemory", "CCores"]),
        // A cache prefetch hint (one inline C function) for the engine's hash tables.
        .target(name: "CPrefetch"),
        // mremap and mallopt, which Swift cannot call: the parser's stacks grow in place,
        // and the command's freed memory is reused (`ValueStack`, `FreedMemory`).
        .target(name: "CMemory"),
        // sched_getaffinity, which Swift cannot call: how many cores this process may use.
        .target(name: "CCores"),
        // GNU readline for the REPL's line editor, loaded with dlopen when a terminal
        // session starts (not linked: every other run starts without it). The headers
        // are libreadline-dev's, in /usr/include.
        .target(name: "CReadline", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Running another program (posix_spawn), for the command and the benchmark.
        .target(name: "ChildProcess"),
        // The command: options, files, exit statuses, the REPL driver. Thin on purpose.
        .executableTarget(
            name: "graddiff",
            dependencies: [
                "GradDiff",
                "CReadline",
                "ChildProcess",
            ]
        ),
        // Release-mode benchmark: `swift build -c release --static-swift-stdlib`, then `.build/release/graddiff-bench`.
        .executableTarget(name: "graddiff-bench", dependencies: ["GradDiff", "ChildProcess"]),
        .testTarget(name: "GradDiffTests", dependencies: ["GradDiff"]),
        // Goldens/ holds expected output files the tests read from the source tree.
        .testTarget(name: "GraddiffCLITests", dependencies: ["graddiff"], exclude: ["Goldens"]),
    ]
)
