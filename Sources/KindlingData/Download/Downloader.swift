import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches a URL into memory with Foundation's URLSession (http and https), synchronously.
public struct Downloader {
    /// Seconds without progress before giving up.
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 60) { self.timeout = timeout }

    /// The body of a 200 response; any other outcome is an `OSError`-kind DataError naming the URL.
    public func fetch(_ url: URL) throws -> [UInt8] {
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: config)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var data: Data?; var response: URLResponse?; var error: Error? }
        let box = Box()
        let task = session.dataTask(with: url) { data, response, error in
            box.data = data; box.response = response; box.error = error
            done.signal()
        }
        task.resume()
        done.wait()
        if let error = box.error {
            throw DataError(.osError, "download of \(url.absoluteString) failed: \(error.localizedDescription)")
        }
        if let http = box.response as? HTTPURLResponse, http.statusCode != 200 {
            throw DataError(.osError, "download of \(url.absoluteString) failed: HTTP \(http.statusCode)")
        }
        guard let data = box.data else {
            throw DataError(.osError, "download of \(url.absoluteString) failed: no data")
        }
        return [UInt8](data)
    }

    /// Downloads `name` from the first mirror whose copy has the expected MD5 and writes it to
    /// `destination` (atomically). Each failed mirror's reason is reported if all fail.
    public func fetch(name: String, md5: String, mirrors: [String], to destination: URL,
                      log: (String) -> Void = { _ in }) throws {
        var reasons: [String] = []
        for mirror in mirrors {
            guard let url = URL(string: mirror.hasSuffix("/") ? mirror + name : mirror + "/" + name) else {
                reasons.append("\(mirror): not a URL"); continue
            }
            log("Downloading \(url.absoluteString)")
            do {
                let bytes = try fetch(url)
                let digest = MD5.hex(bytes)
                guard digest == md5 else {
                    reasons.append("\(url.absoluteString): checksum mismatch (MD5 \(digest), expected \(md5))")
                    continue
                }
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(bytes).write(to: destination, options: .atomic)
                return
            } catch let e as DataError {
                reasons.append(e.message)
            } catch {
                reasons.append("\(url.absoluteString): \(error.localizedDescription)")
            }
        }
        throw DataError(.osError, "could not download \(name):\n  " + reasons.joined(separator: "\n  "))
    }
}
