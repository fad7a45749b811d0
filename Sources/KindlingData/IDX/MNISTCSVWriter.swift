import Foundation

/// Writes IDX images + labels in the Kaggle digit-recognizer layout: a header
/// `label,pixel0,...,pixelN`, then one row per image (label, then its pixels row-major).
public enum MNISTCSVWriter {
    /// Writes to `path` atomically (a temporary file renamed into place), creating folders.
    public static func write(images: IDXImages, labels: [UInt8], to path: String) throws {
        guard images.count == labels.count else {
            throw DataError.value("\(images.count) images but \(labels.count) labels")
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        catch { throw DataError(.osError, "cannot create \(pythonQuoted(dir.path)): \(error.localizedDescription)") }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard let out = fopen(temp.path, "wb") else { throw osError(errno, temp.path) }
        var ok = true
        let perImage = images.rows * images.columns
        var header = "label"
        for i in 0..<perImage { header += ",pixel\(i)" }
        header += "\n"
        ok = ok && fputs(header, out) >= 0
        let digits: [[UInt8]] = (0...255).map { Array(String($0).utf8) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        images.pixels.withUnsafeBufferPointer { px in
            for n in 0..<images.count {
                buffer.append(contentsOf: digits[Int(labels[n])])
                for k in 0..<perImage {
                    buffer.append(44)
                    buffer.append(contentsOf: digits[Int(px[n * perImage + k])])
                }
                buffer.append(10)
                if buffer.count > (1 << 20) - 8192 || n == images.count - 1 {
                    ok = ok && fwrite(buffer, 1, buffer.count, out) == buffer.count
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        ok = (fclose(out) == 0) && ok
        guard ok, rename(temp.path, path) == 0 else {
            let code = errno
            unlink(temp.path)
            throw osError(code, path)
        }
    }

    /// Converts an IDX images/labels pair (gzip or not) to the CSV layout.
    public static func convert(imagesPath: String, labelsPath: String, to path: String) throws {
        let images = try IDXReader.readImages(path: imagesPath)
        let labels = try IDXReader.readLabels(path: labelsPath)
        try write(images: images, labels: labels, to: path)
    }
}
