// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "graddiff",
    products: [
        .executable(name: "graddiff", targets: ["graddiff"]),
        .library(name: "GradDiff", targets: ["GradDiff"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // The engine: text → tokens → tape → values → gradients → output. No Foundation.
        .target(name: "GradDiff"),
        // The command: options, files, exit statuses. Thin on purpose.
        .executableTarget(
            name: "graddiff",
            dependencies: [
                "GradDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-mode benchmark: `swift run -c release graddiff-bench`.
        .executableTarget(name: "graddiff-bench", dependencies: ["GradDiff"]),
        .testTarget(name: "GradDiffTests", dependencies: ["GradDiff"]),
        // Goldens/ holds expected output files the tests read from the source tree.
        .testTarget(name: "GraddiffCLITests", dependencies: ["graddiff"], exclude: ["Goldens"]),
    ]
)
