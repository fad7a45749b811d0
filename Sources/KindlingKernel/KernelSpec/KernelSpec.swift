import Foundation

/// The kernelspec Jupyter front ends find the kernel by: `kernels/<name>/kernel.json`
/// under one of Jupyter's data directories.
public struct KernelSpec: Equatable, Sendable {
    /// The command line a client runs; `{connection_file}` is replaced by the client.
    public var argv: [String]
    public var displayName: String
    public var language: String
    /// How clients interrupt: "message" sends `interrupt_request` on the control channel
    /// (works wherever the client runs); Kindling also answers SIGINT.
    public var interruptMode: String

    /// The spec for the `kindling` executable at `executable` (an absolute path).
    public init(executable: String, displayName: String = "Kindling") {
        argv = [executable, "kernel", "-f", "{connection_file}"]
        self.displayName = displayName
        language = "python"
        interruptMode = "message"
    }

    /// The `kernel.json` text.
    public var json: KernelJSON {
        [
            "argv": .array(argv.map { .string($0) }),
            "display_name": .string(displayName),
            "language": .string(language),
            "interrupt_mode": .string(interruptMode),
            "env": [:],
            "metadata": ["debugger": false, "implementation": "kindling"],
        ]
    }

    /// Where the spec goes.
    public enum Location: Equatable, Sendable {
        /// The user's Jupyter data directory (`~/.local/share/jupyter`, or `$JUPYTER_DATA_DIR`).
        case user
        /// `PREFIX/share/jupyter`, as `jupyter kernelspec install --prefix`.
        case prefix(String)
        /// The active Python environment's prefix (`$VIRTUAL_ENV`, `$CONDA_PREFIX`, else `python3`'s `sys.prefix`).
        case sysPrefix

        /// The `kernels` directory for this location.
        public func kernelsDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
            switch self {
            case .user:
                return userDataDirectory(environment).appendingPathComponent("kernels")
            case let .prefix(prefix):
                return URL(fileURLWithPath: prefix).appendingPathComponent("share/jupyter/kernels")
            case .sysPrefix:
                guard let prefix = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"] ?? Location.pythonPrefix() else {
                    throw KernelError.kernelSpec("no Python environment found for --sys-prefix (set VIRTUAL_ENV or use --prefix)")
                }
                return URL(fileURLWithPath: prefix).appendingPathComponent("share/jupyter/kernels")
            }
        }

        private func userDataDirectory(_ environment: [String: String]) -> URL {
            if let dir = environment["JUPYTER_DATA_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
            let home = environment["HOME"] ?? NSHomeDirectory()
            #if os(macOS)
            return URL(fileURLWithPath: home).appendingPathComponent("Library/Jupyter")
            #else
            if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
                return URL(fileURLWithPath: xdg).appendingPathComponent("jupyter")
            }
            return URL(fileURLWithPath: home).appendingPathComponent(".local/share/jupyter")
            #endif
        }

        private static func pythonPrefix() -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return nil }
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let prefix = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return prefix.isEmpty ? nil : prefix
        }
    }

    /// Writes `kernels/<name>/kernel.json` at `location`; returns the spec's directory.
    @discardableResult
    public func install(name: String, at location: Location,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        guard !name.isEmpty, name != ".", name != "..", name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw KernelError.kernelSpec("kernel name '\(name)' may only use letters, digits, '-', '_' and '.'")
        }
        let directory = try location.kernelsDirectory(environment: environment).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(PrettyJSON.text(json).utf8).write(to: directory.appendingPathComponent("kernel.json"))
        } catch {
            throw KernelError.kernelSpec("cannot write \(directory.path)/kernel.json: \((error as NSError).localizedDescription)")
        }
        return directory
    }

    /// The absolute path of the running executable (what `argv` should name).
    public static func currentExecutable() -> String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "kindling").standardizedFileURL.path
    }
}

/// JSON with one key per line, as `jupyter kernelspec` writes `kernel.json`.
enum PrettyJSON {
    static func text(_ value: KernelJSON) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}
