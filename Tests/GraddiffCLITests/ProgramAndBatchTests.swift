import Foundation
import Testing

/// Programs from files, stdin and shebang scripts; batch mode through real pipes.
@Suite struct ProgramAndBatchTests {
    /// A batch round that fails at its first line (bytes that are not text) has no rows
    /// to run: it reports the line and exits 65, on one thread or several.
    @Test(arguments: [["--threads", "1"], ["--threads", "2"], []])
    func aBatchWhoseFirstRowIsNotTextSaysSo(_ threads: [String]) throws {
        for row: [UInt8] in [[0xFF], [0], [0x31, 0xFF]] {
            let input = Data("x\n".utf8) + Data(row) + Data("\n".utf8)
            let result = try GraddiffProcess.runExecutable(GraddiffProcess.binary, ["x", "--batch", "-"] + threads, input: input)
            #expect(result.status == 65, "row \(row): \(result.stderr)")
            #expect(result.stderr.contains("line 2"), "row \(row): \(result.stderr)")
            #expect(result.stdout == "x,value,d_x\n", "row \(row)")
        }
    }

    @Test func programFromStdinNamesItsSteps() throws {
        let result = try GraddiffProcess.run(["-f", "-", "x=1", "y=3", "z=-3"], input: "p = x + y\ng = p * z\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("p     add  x + y           4        -3"))
        #expect(result.stdout.contains("g     mul  p * z         -12         1"))
    }

    @Test func micrograd() throws {
        let program = """
            a = -4; b = 2; c = a + b; d = a*b + b^3; c = c + c + 1; c = c + 1 + c + (-a)
            d = d + d*2 + relu(b + a); d = d + 3*d + relu(b - a); e = c - d; f = e^2
            g = f/2; g = g + 10/f
            """
        let result = try GraddiffProcess.run(["-f", "-", "--format", "json"], input: program)
        #expect(result.status == 0)
        let json = try GraddiffProcess.json(result.stdout)
        let gradient = json["gradient"] as! [String: Double]
        #expect(abs((json["value"] as! Double) - 24.7041) < 1e-4)
        #expect(abs(gradient["a"]! - 138.8338) < 1e-4)
        #expect(abs(gradient["b"]! - 645.5773) < 1e-4)
        let names = (json["nodes"] as! [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names.contains("c#3") && names.contains("g#2"))
        #expect(result.stderr.contains("shadows the built-in constant e"))
    }

    @Test func diagnosticsInFilesUseTheFilesLinesAndColumns() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("prog.gd")
        try "x = 1\n# comment\ny = x +* 2\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try GraddiffProcess.run(["-f", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(file.path):3:8: error"), "\(result.stderr)")
        #expect(result.stderr.contains(" 3 | y = x +* 2\n"))
    }

    @Test func shebangScriptTakesBindingsAsArguments() throws {
        let directory = try GraddiffProcess.temporaryDirectory()
        let script = directory.appendingPathComponent("gate.gd")
        try """
            #!/usr/bin/env -S graddiff -f
            # The CS224n sigmoid gate, with its lecture example as defaults.
            w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3
            dot = w0*x0 + w1*x1 + w2
            out = 1/(1 + exp(-dot))
            """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let result = try GraddiffProcess.runExecutable(script.path, ["--wrt", "w0,x0", "--precision", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "w0 -0.1966\nx0 0.3932\n")
        let overridden = try GraddiffProcess.runExecutable(script.path, ["-q", "w2=0"])
        #expect(overridden.stdout == "0.9820137900379085\n")  // sigmoid(4), exactly as computed
    }

    @Test func outputSelectsAStep() throws {
        let result = try GraddiffProcess.run(["--output", "p", "--wrt", "x", "p = x*x; g = p*z", "x=3", "z=2"])
        #expect(result.stdout == "x 6\n")
        let unknown = try GraddiffProcess.run(["--output", "q", "p = x*x; g = p*z", "x=3", "z=2"])
        #expect(unknown.status == 65)
    }

    @Test func unusedStepWarns() throws {
        let result = try GraddiffProcess.run(["q = x + 1; g = x * 2", "x=1"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("'q' is not used by the output"))
    }

    @Test func batchWritesOneRowPerPoint() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*y + z", "z=1"], input: "x,y\n1,2\n3,4\nnan,1\n")
        #expect(result.status == 0)
        #expect(result.stdout == "x,y,value,d_x,d_y,d_z\n1,2,3,2,1,1\n3,4,13,4,3,1\nnan,1,nan,1,nan,1\n")
    }

    @Test func batchReadsTSV() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x^2"], input: "x\n3\n")
        #expect(result.stdout == "x,value,d_x\n3,9,6\n")
        let tsv = try GraddiffProcess.run(["--batch", "-", "x*y"], input: "x\ty\n2\t5\n")
        #expect(tsv.stdout == "x\ty\tvalue\td_x\td_y\n2\t5\t10\t5\t2\n")
    }

    /// A row longer than a round's share of bytes (about a megabyte a thread) is read
    /// whole, and the rows after it too: such a row once ended the table, exit 0.
    @Test(arguments: [["--threads", "1"], []])
    func aVeryLongRowDoesNotEndTheTable(_ threads: [String]) throws {
        for length in [600_000, 3_500_000] {
            let id = String(repeating: "b", count: length)
            let table = "id,x\na,1\n\(id),2\nc,3\n"
            let expected = "id,x,value,d_x\na,1,2,2\n\(id),2,4,2\nc,3,6,2\n"
            let fromStdin = try GraddiffProcess.run(["--batch", "-", "2*x"] + threads, input: table)
            #expect(fromStdin.status == 0 && fromStdin.stdout == expected, "\(length) bytes: \(fromStdin.stderr)")
            // Through a pipe, which hands the long row over in pieces.
            let directory = try GraddiffProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("rows.csv")
            try table.write(to: file, atomically: false, encoding: .utf8)
            let piped = try GraddiffProcess.runExecutable("/bin/sh", ["-c", "cat '\(file.path)' | '\(GraddiffProcess.binary)' --batch - -q '2*x' \(threads.joined(separator: " "))"])
            #expect(piped.status == 0 && piped.stdout == "2\n4\n6\n", "\(length) bytes through a pipe: \(piped.stderr)")
        }
    }

    @Test func badRowsStopUnlessKeepGoing() throws {
        let input = "x\n1\nabc\n2\n1,2\n3\n"
        let stopped = try GraddiffProcess.run(["--batch", "-", "x*2"], input: input)
        #expect(stopped.status == 65)
        #expect(stopped.stdout == "x,value,d_x\n1,2,2\n")
        #expect(stopped.stderr.contains("<stdin>:3:1: error: 'abc' in column 1 is not a number\n 3 | abc\n   | ^~~\n"))
        let kept = try GraddiffProcess.run(["--batch", "-", "--keep-going", "x*2"], input: input)
        #expect(kept.status == 65)
        #expect(kept.stdout == "x,value,d_x\n1,2,2\n2,4,2\n3,6,2\n")
        #expect(kept.stderr.contains("<stdin>:5:1: error: this row has 2 fields, the header has 1\n 5 | 1,2\n   | ^~~\n"))
    }

    /// --strict in batch mode: every row is still printed, and a row that printed nan or
    /// inf makes the status 1 with one error naming the count and the first line (the
    /// option was silently ignored, status 0). On one thread and several.
    @Test(arguments: [["--threads", "1"], ["--threads", "2"]])
    func strictBatchFailsOnANonFiniteRow(_ threads: [String]) throws {
        let rows = "x\n2\n" + String(repeating: "1\n", count: 40_000) + "0\n1\n0\n"
        let strict = try GraddiffProcess.run(["--batch", "-", "--strict", "-q", "1/x"] + threads, input: rows)
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(strict.stdout.hasPrefix("0.5\n1\n") && strict.stdout.hasSuffix("\ninf\n1\ninf\n"))
        #expect(strict.stderr == "error: 2 rows printed a nan or infinite value or gradient (the first on line 40003), and --strict was given\n")
        let finite = try GraddiffProcess.run(["--batch", "-", "--strict", "-q", "1/x"] + threads, input: "x\n2\n4\n")
        #expect(finite.status == 0 && finite.stderr.isEmpty)
        let lenient = try GraddiffProcess.run(["--batch", "-", "-q", "1/x"] + threads, input: rows)
        #expect(lenient.status == 0 && lenient.stderr.isEmpty)
    }

    @Test func columnAndBindingOfTheSameNameIsAnError() throws {
        let result = try GraddiffProcess.run(["--batch", "-", "x*y", "y=3"], input: "x,y\n1,2\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("'y' is both a column and bound on the command line"))
        // A column that names no variable is carried through, with a note.
        let stranger = try GraddiffProcess.run(["--batch", "-", "x*y", "y=3"], input: "x,w\n1,2\n")
        #expect(stranger.status == 0)
        #expect(stranger.stdout == "x,w,value,d_x,d_y\n1,2,3,3,1\n")
        #expect(stranger.stderr.contains("note: the column 'w' is not a variable of the expression: it is copied to each output row"))
        #expect(!stranger.stderr.contains("did you mean"))
    }

    /// A table with ids and labels, as real tables have: --wrt picks the gradient
    /// columns, -q writes only numbers, --format json writes JSON Lines.
    @Test func batchCarriesColumnsAndTakesWrtQuietAndJSON() throws {
        let table = "id,x,y,label\na1,1,2,first\na2,3,4,second\n"
        let wrt = try GraddiffProcess.run(["--batch", "-", "--wrt", "y", "x*y"], input: table)
        #expect(wrt.stdout == "id,x,y,label,value,d_y\na1,1,2,first,2,1\na2,3,4,second,12,3\n", "\(wrt.stderr)")
        let quiet = try GraddiffProcess.run(["--batch", "-", "-q", "x*y"], input: table)
        #expect(quiet.stdout == "2\n12\n")
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let gradients = try GraddiffProcess.run(["--batch", "-", "-q", "--wrt", "x,y", "x*y"], input: table)
        #expect(gradients.stdout == "2,1\n4,3\n")
        let json = try GraddiffProcess.run(["--batch", "-", "--format", "json", "x*y"], input: table)
        let objects = try json.stdout.split(separator: "\n").map { try GraddiffProcess.json(String($0)) }
        #expect(objects.count == 2)
        #expect(objects.first?["value"] as? Double == 2)
        #expect((objects.first?["columns"] as? [String: Any])?["label"] as? String == "first")
        #expect((objects.last?["gradient"] as? [String: Double]) == ["x": 4, "y": 3])
        let misspelled = try GraddiffProcess.run(["--batch", "-", "x*yy"], input: table)
        #expect(misspelled.status == 65)
        #expect(misspelled.stderr.contains("error: the column 'y' is not a variable of the expression, and 'yy' has no value"))
        let wrong = try GraddiffProcess.run(["--batch", "-", "--wrt", "z", "x*y"], input: table)
        #expect(wrong.status == 65 && wrong.stderr.contains("--wrt names 'z'"))
    }

    /// --kink chose the convention: -q does not warn about it; without -q the warning says it.
    @Test func quietLeavesOutTheChosenKink() throws {
        let quiet = try GraddiffProcess.run(["-q", "--wrt", "x", "--kink", "right", "relu(x)", "x=0"])
        #expect(quiet.stdout == "1\n")
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let loud = try GraddiffProcess.run(["--wrt", "x", "--kink", "right", "relu(x)", "x=0"])
        #expect(loud.stderr.contains("graddiff uses 1 (--kink right)"))
        let unchosen = try GraddiffProcess.run(["-q", "--wrt", "x", "relu(x)", "x=0"])
        #expect(unchosen.stderr.contains("warning: n1 is evaluated at a kink"))
        let batch = try GraddiffProcess.run(["--batch", "-", "relu(x)"], input: "x\n1\n")
        #expect(batch.stderr.isEmpty, "a kink at the check's zeros is no row's: \(batch.stderr)")
    }

    /// A pipe sees each row as soon as its input row arrives, before the input ends.
    @Test func batchStreamsThroughAPipe() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: GraddiffProcess.binary)
        process.arguments = ["--batch", "-", "x*3"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("x\n2\n".utf8))
        var received = ""
        let deadline = Date().addingTimeInterval(10)
        while !received.contains("2,6,3\n") && Date() < deadline {
            received += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(received == "x,value,d_x\n2,6,3\n")
        input.fileHandleForWriting.write(Data("4\n".utf8))
        try input.fileHandleForWriting.close()
        received += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(received == "x,value,d_x\n2,6,3\n4,12,3\n")
        #expect(process.terminationStatus == 0)
    }
}
