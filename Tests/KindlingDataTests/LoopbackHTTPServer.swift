import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (a port the kernel picks) serving files from a folder,
/// one connection at a time on a background thread. Test use only: never reaches the internet.
final class LoopbackHTTPServer {
    let root: URL
    private(set) var port: UInt16 = 0
    private var listener: Int32 = -1
    private var thread: Thread?
    private(set) var requests: [String] = []
    private let lock = NSLock()

    init(root: URL) throws {
        self.root = root
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 8) == 0 else { close(listener); throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        let t = Thread { [weak self] in self?.serve() }
        thread = t
        t.start()
    }

    var baseURL: String { "http://127.0.0.1:\(port)/" }

    var requestedPaths: [String] { lock.lock(); defer { lock.unlock() }; return requests }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        let fd = listener
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var request: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while !request.contains(10) || !String(decoding: request, as: UTF8.self).contains("\r\n\r\n") {
            let n = recv(client, &buf, buf.count, 0)
            if n <= 0 { return }
            request += buf[0..<n]
        }
        let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        let path = parts.count > 1 ? String(parts[1]) : "/"
        lock.lock(); requests.append(path); lock.unlock()
        let file = root.appendingPathComponent(String(path.dropFirst()))
        let body: [UInt8]
        let status: String
        if !path.contains(".."), let data = try? Data(contentsOf: file) {
            body = [UInt8](data); status = "200 OK"
        } else {
            body = Array("not found\n".utf8); status = "404 Not Found"
        }
        let head = "HTTP/1.1 \(status)\r\nContent-Length: \(body.count)\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n"
        sendAll(client, Array(head.utf8))
        sendAll(client, body)
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }
}
