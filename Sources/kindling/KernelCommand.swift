import ArgumentParser
import Foundation
import KindlingKernel
import KindlingNotebook
import KindlingBindings

/// `kindling kernel -f CONNECTION_FILE`: a Jupyter kernel (messaging protocol 5.3),
/// started by JupyterLab, VS Code, `jupyter console`, nbclient or papermill through
/// the kernelspec that `kindling kernel install` writes.
struct StartKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run as a Jupyter kernel (started by Jupyter clients through the kernelspec).",
        subcommands: [InstallKernel.self])

    @Option(name: .customShort("f"), help: "The connection file the Jupyter client wrote.") var connectionFile: String?

    func run() throws {
        guard let connectionFile else {
            throw ValidationError("give the connection file (-f FILE), or run `kindling kernel install` to register the kernel")
        }
        do {
            let connection = try ConnectionInfo(contentsOf: connectionFile)
            // Outputs are messages, not a terminal: progress bars print rows, not redraws.
            TrainingOutput.isTerminal = { false }
            let server = try KernelServer(connection: connection, implementationVersion: Kindling.version) {
                NotebookSession()
            }
            throw ExitCode(server.run())
        } catch let error as KernelError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// `kindling kernel install`: writes `kernels/kindling/kernel.json` so Jupyter clients list "Kindling".
struct InstallKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the Jupyter kernelspec (default: for this user).")

    @Flag(name: .long, help: "Install for this user (~/.local/share/jupyter; the default).") var user = false
    @Option(name: .long, help: "Install under PREFIX/share/jupyter (e.g. a virtualenv or conda prefix).") var prefix: String?
    @Flag(name: .long, help: "Install into the active Python environment's prefix.") var sysPrefix = false
    @Option(name: .long, help: "The kernel's name (directory and `--kernel` argument).") var name = "kindling"
    @Option(name: .long, help: "The name shown in front ends' kernel lists.") var displayName = "Kindling"

    func validate() throws {
        if [user, prefix != nil, sysPrefix].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --user, --prefix and --sys-prefix")
        }
    }

    func run() throws {
        let location: KernelSpec.Location = prefix.map { .prefix($0) } ?? (sysPrefix ? .sysPrefix : .user)
        let spec = KernelSpec(executable: KernelSpec.currentExecutable(), displayName: displayName)
        do {
            let directory = try spec.install(name: name, at: location)
            print("Installed kernelspec \(name) in \(directory.path)")
        } catch let error as KernelError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
