/// The benchmark's command line. Hand-parsed: the target depends on the engine only,
/// and five flags do not need an argument parser.
struct BenchmarkOptions {
    static let fullSizes = [1_000, 10_000, 100_000, 1_000_000]
    static let quickSizes = [1_000, 10_000, 100_000]

    var sizes = fullSizes
    var shapes = Shape.defaultShapes
    var showsHelp = false
    /// `--hello`: print one line and exit, the bare Swift program start-up is compared with.
    var saysHello = false
    /// Set only in a measuring child (`--measure SHAPE SIZE`): measure this and print
    /// one line of figures instead of running the benchmark.
    var childMeasurement: (shape: Shape, nodes: Int)?
    /// `--emit SHAPE SIZE`: print the generated expression (to profile graddiff on it).
    var emitted: (shape: Shape, nodes: Int)?

    struct UsageError: Error {
        var message: String
    }

    static let help = """
        USAGE: graddiff-bench [--quick] [--sizes N,N,...] [--shape wide|deep|network|steps|tensor]

        Times graddiff's engine in three phases (parse: text to tape; forward; backward) on
        generated expressions of about 10^3, 10^4, 10^5 and 10^6 nodes in three shapes, and
        measures the peak memory each node costs beyond the input text. Each size runs in a
        fresh child process. Then times `graddiff "(x+y)*z" x=1 y=3 z=-3` as a whole process,
        the 784-128-10 network of the tensor shape (value and every gradient) as a whole
        process, and `graddiff minimize` training a 4-16-3 classifier for 100 epochs.
        Build in release mode, as the package is built: swift build -c release
        --static-swift-stdlib, then run .build/release/graddiff-bench

        SHAPES:
          wide       one long sum of products: x*1.001 + y*1.002 + ...
          deep       calls and parentheses nested as deep as the expression is long
          network    a small dense tanh/sigmoid network, summed over many weight sets
          tensor     a 128-unit layer and a 10-way softmax written with matrices
                     (W1 @ x + b1), its input as wide as the size asks
          steps      a deep network as a program of named steps (h1_1 = tanh(...));
                     only when asked for: it is slow to parse beyond 10^4 nodes

        OPTIONS:
          --quick             only sizes up to 10^5
          --sizes N,N,...     the node counts to generate (1000, 1_000_000 and 1e6 all work)
          --shape SHAPE       only this shape (repeat, or separate with commas, for several)
          --hello             print one line and exit (the bare program of the start-up target)
          --emit SHAPE N      print the generated N-node expression of SHAPE and exit, to
                              profile graddiff on it (perf record graddiff -q -f FILE ...)
          -h, --help          show this help

        Targets are printed as PASS or MISS beside the figures; a miss never changes the
        exit status, which is 0 unless the benchmark itself could not run.
        """

    static func parse(_ arguments: [String]) throws(UsageError) -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var shapes: [Shape] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "-h", "--help":
                options.showsHelp = true
            case "--hello":
                options.saysHello = true
            case "--quick":
                options.sizes = quickSizes
            case "--sizes":
                options.sizes = try parseSizes(try value(after: argument, &remaining))
            case "--shape":
                for name in try value(after: argument, &remaining).split(separator: ",") {
                    shapes.append(try parseShape(String(name)))
                }
            case "--measure":
                options.childMeasurement = try shapeAndSize(after: argument, &remaining)
            case "--emit":
                options.emitted = try shapeAndSize(after: argument, &remaining)
            default:
                throw UsageError(message: "unknown argument '\(argument)'")
            }
        }
        if !shapes.isEmpty { options.shapes = shapes }
        return options
    }

    private static func value(after flag: String, _ remaining: inout ArraySlice<String>) throws(UsageError) -> String {
        guard let value = remaining.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
        return value
    }

    private static func shapeAndSize(after flag: String, _ remaining: inout ArraySlice<String>) throws(UsageError) -> (Shape, Int) {
        let shape = try parseShape(try value(after: flag, &remaining))
        guard let nodes = parseSize(try value(after: flag, &remaining)) else {
            throw UsageError(message: "\(flag) needs a shape and a node count")
        }
        return (shape, nodes)
    }

    private static func parseShape(_ name: String) throws(UsageError) -> Shape {
        guard let shape = Shape(rawValue: name) else {
            throw UsageError(message: "unknown shape '\(name)'; the shapes are wide, deep, network, tensor and steps")
        }
        return shape
    }

    private static func parseSizes(_ list: String) throws(UsageError) -> [Int] {
        var sizes: [Int] = []
        for item in list.split(separator: ",") {
            guard let size = parseSize(String(item)) else {
                throw UsageError(message: "'\(item)' is not a node count; write 1000, 1_000_000 or 1e6")
            }
            sizes.append(size)
        }
        guard !sizes.isEmpty else { throw UsageError(message: "--sizes needs at least one node count") }
        return sizes
    }

    /// A positive count written `1000`, `1_000` or `1e3`.
    private static func parseSize(_ text: String) -> Int? {
        let digits = text.filter { $0 != "_" }
        if let size = Int(digits) { return size > 0 ? size : nil }
        let parts = digits.lowercased().split(separator: "e")
        guard parts.count == 2, let mantissa = Int(parts[0]), let exponent = Int(parts[1]),
            mantissa > 0, (0...9).contains(exponent)
        else { return nil }
        var size = mantissa
        for _ in 0..<exponent { size *= 10 }
        return size
    }
}
