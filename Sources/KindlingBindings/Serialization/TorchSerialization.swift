import Foundation
import KindlingEngine
import KindlingLanguage

/// `torch.save` / `torch.load` in PyTorch's zip format: an archive named
/// after the file's stem holding `data.pkl` (a protocol-2 pickle),
/// `data/KEY` storages, `byteorder`, `version` and PyTorch's small format
/// records, so files move both ways between Kindling and PyTorch.
enum TorchSerialization {
    static let unpicklingError = PyClass(native: "UnpicklingError",
                                         base: Builtins.exc(.exception), module: "_pickle")

    /// `_pickle.UnpicklingError(message)`.
    static func unpickling(_ message: String) -> PyException {
        PyException.make(unpicklingError, args: [.str(message)])
    }

    static func install(_ torch: PyModule) {
        TorchModule.function(torch, "save", ["obj", "f", "pickle_module=None", "pickle_protocol=2",
                                             "_use_new_zipfile_serialization=True", "_disable_byteorder_record=False"]) { b in
            if !b["pickle_module"].isNone { throw notSupported("torch.save(pickle_module=...)") }
            if !(try b.bool("_use_new_zipfile_serialization")) { throw notSupported("torch.save's legacy format") }
            let path = try filePath(b["f"], "save")
            try write(b["obj"], to: path)
            return .none
        }
        TorchModule.function(torch, "load", ["f", "map_location=None", "pickle_module=None", "*", "weights_only=None",
                                             "mmap=None", "**pickle_load_args"]) { b in
            if !b["pickle_module"].isNone { throw notSupported("torch.load(pickle_module=...)") }
            try checkMapLocation(b["map_location"])
            return try read(from: try filePath(b["f"], "load"))
        }
    }

    /// A `str` or `os.PathLike` file name; open file objects are refused.
    static func filePath(_ v: Value, _ function: String) throws -> String {
        if case .str(let s) = v { return s }
        if let fspath = try? Runtime.callMethod(v, "__fspath__", []), case .str(let s) = fspath { return s }
        throw notSupported("torch.\(function) with a \(v.typeName) (pass a file name)")
    }

    static func checkMapLocation(_ v: Value) throws {
        if v.isNone { return }
        if let d = try DeviceObject.from(v) { return try DeviceObject.requireCPU(d) }
        throw notSupported("torch.load(map_location=<\(v.typeName)>)")
    }

    /// The archive's top folder: the file name without its extension, as PyTorch names it.
    static func archiveName(_ path: String) -> String {
        let base = (path as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        return stem.isEmpty ? "archive" : stem
    }

    static func write(_ obj: Value, to path: String) throws {
        var writer = PickleWriter()
        try writer.write(obj)
        let pickle = writer.finish()
        let name = archiveName(path)
        var entries: [(name: String, data: [UInt8])] = [
            ("\(name)/data.pkl", pickle),
            ("\(name)/.format_version", Array("1".utf8)),
            ("\(name)/.storage_alignment", Array("64".utf8)),
            ("\(name)/byteorder", Array("little".utf8)),
        ]
        for (key, data) in writer.storages.enumerated() { entries.append(("\(name)/data/\(key)", data)) }
        entries.append(("\(name)/version", Array("3\n".utf8)))
        entries.append(("\(name)/.data/serialization_id", Array(serializationID().utf8)))
        let bytes = try StoredZip.write(entries)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw pyError(.runtimeError, "Parent directory \((path as NSString).deletingLastPathComponent) does not exist.")
        }
    }

    /// A 40-digit id, as PyTorch records one per saved file.
    static func serializationID() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<40).map { _ in String(g.next() % 10) }.joined()
    }

    static func read(from path: String) throws -> Value {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw pyError(.fileNotFoundError, "[Errno 2] No such file or directory: '\(path)'")
        }
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw notSupported("torch.load of files in PyTorch's legacy (non-zip) format")
        }
        let records = try StoredZip.read(bytes)
        guard let pickleName = records.keys.sorted().first(where: { $0.hasSuffix("/data.pkl") && $0.split(separator: "/").count == 2 }) else {
            throw pyError(.runtimeError, "PytorchStreamReader failed locating file data.pkl: file not found")
        }
        let prefix = String(pickleName.dropLast("data.pkl".count))
        if let order = records[prefix + "byteorder"], String(decoding: order, as: UTF8.self) != "little" {
            throw notSupported("torch.load of big-endian files")
        }
        guard let pickle = records[pickleName] else { throw pyError(.runtimeError, "data.pkl missing") }
        var reader = PickleReader(pickle) { key in
            guard let s = records[prefix + "data/" + key] else {
                throw pyError(.runtimeError, "PytorchStreamReader failed locating file data/\(key): file not found")
            }
            return s
        }
        return try reader.load()
    }
}
