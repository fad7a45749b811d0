import Foundation
import XCTest

/// Finds the built `kindling` beside the test bundle and runs it with pipes.
enum KindlingExecutable {
    /// `.build/<config>/kindling`: build products share the test bundle's directory.
    static func path() throws -> String {
        let bundle = Bundle(for: BundleMarker.self).bundlePath
        var candidates = [(bundle as NSString).deletingLastPathComponent + "/kindling"]
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = (exe as NSString).deletingLastPathComponent
            for _ in 0..<4 {
                candidates.append(dir + "/kindling")
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("kindling executable not built next to the tests (run `swift build` first); looked in \(candidates)")
        }
        return found
    }

    static var fixtures: String { (#filePath as NSString).deletingLastPathComponent + "/Fixtures" }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs kindling with `arguments` in `directory`, with a clean environment
    /// (no colour, no data download).
    static func run(_ arguments: [String], directory: String? = nil, stdin: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["MNIST_CSV"] = "/nonexistent/kindling-test.csv"
        environment["KINDLING_IMAGES"] = "none"
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let errData = ReadBuffer()
        let errReader = Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

private final class BundleMarker {}

/// What the stderr reader thread fills; read only after the thread finished.
private final class ReadBuffer: @unchecked Sendable {
    var data = Data()
}
