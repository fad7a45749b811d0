import Foundation

/// The connection file a Jupyter client writes before starting the kernel
/// (`kindling kernel -f FILE`): where to bind the five sockets and how to sign.
public struct ConnectionInfo: Equatable, Sendable {
    public var transport: String
    public var ip: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var heartbeatPort: Int
    /// The HMAC key; empty means messages are not signed.
    public var key: String
    /// `hmac-sha256` (the only scheme Kindling accepts) or empty with an empty key.
    public var signatureScheme: String

    /// Reads and checks a connection file.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KernelError.connectionFile("cannot read connection file '\(path)'")
        }
        try self.init(json: data)
    }

    /// Parses the JSON text of a connection file.
    public init(json data: Data) throws {
        guard let object = KernelJSON.parse(data), object.objectValue != nil else {
            throw KernelError.connectionFile("the connection file is not a JSON object")
        }
        func port(_ name: String) throws -> Int {
            guard let value = object[name]?.intValue, (0...65535).contains(value) else {
                throw KernelError.connectionFile("the connection file has no valid '\(name)'")
            }
            return value
        }
        transport = object["transport"]?.stringValue ?? "tcp"
        ip = object["ip"]?.stringValue ?? "127.0.0.1"
        shellPort = try port("shell_port")
        iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port")
        controlPort = try port("control_port")
        heartbeatPort = try port("hb_port")
        key = object["key"]?.stringValue ?? ""
        signatureScheme = object["signature_scheme"]?.stringValue ?? "hmac-sha256"
        guard transport == "tcp" || transport == "ipc" else {
            throw KernelError.connectionFile("transport '\(transport)' is not supported (tcp or ipc)")
        }
        guard key.isEmpty || signatureScheme == "hmac-sha256" else {
            throw KernelError.connectionFile("signature scheme '\(signatureScheme)' is not supported (hmac-sha256)")
        }
    }

    /// The ZeroMQ endpoint for a port: `tcp://127.0.0.1:5555`, or `ipc://IP-5555` as jupyter_client names them.
    public func endpoint(port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}

/// Why the kernel could not start or a message could not be handled.
public enum KernelError: Error, CustomStringConvertible, Equatable {
    case connectionFile(String)
    case zmq(String)
    case kernelSpec(String)

    public var description: String {
        switch self {
        case let .connectionFile(message): return "kindling kernel: \(message)"
        case let .zmq(message), let .kernelSpec(message): return "kindling kernel: \(message)"
        }
    }
}
