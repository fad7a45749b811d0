import Foundation

extension Figure {
    /// `savefig(path, dpi=)`: writes a PNG. The format comes from the extension like matplotlib
    /// (no extension means PNG); anything but PNG is refused with matplotlib's kind of `ValueError`.
    public func save(toPath path: String, dpi: Double? = nil) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        guard ext.isEmpty || ext == "png" else {
            throw GraphicsError.invalidValue("Format '\(ext)' is not supported (supported formats: png)")
        }
        let target = ext.isEmpty ? path + ".png" : path
        let bytes = try pngData(dpi: dpi)
        let directory = (target as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !directory.isEmpty && !(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
            && isDirectory.boolValue) {
            throw GraphicsError.io("[Errno 2] No such file or directory: '\(target)'")
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: target))
        } catch {
            throw GraphicsError.io("[Errno 13] Permission denied: '\(target)'")
        }
    }
}
