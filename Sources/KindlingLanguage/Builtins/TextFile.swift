import Foundation

/// The text file objects `open()` returns (CPython's `_io.TextIOWrapper`) for the modes
/// `r`, `w`, `a` and `x` (with or without `t`), UTF-8 only. Reading decodes the whole file
/// on first use with universal newlines (`\r\n` and `\r` read as `\n`), as CPython's default
/// `newline=None` does; writing goes straight to the OS file. Binary and update modes
/// (`b`, `+`) are refused, since Kindling has no `bytes`.
final class TextFile: PyObject {
    let name: String
    let mode: String
    private var handle: UnsafeMutablePointer<FILE>?
    private let readable: Bool
    /// The decoded text and the read position in it (characters, as Python counts them).
    private var text: [Unicode.Scalar]?
    private var position = 0

    var closed: Bool { handle == nil }

    private init(name: String, mode: String, handle: UnsafeMutablePointer<FILE>, readable: Bool) {
        self.name = name
        self.mode = mode
        self.handle = handle
        self.readable = readable
        super.init(pyClass: TextFile.textIOClass)
    }

    deinit { if let handle { fclose(handle) } }

    /// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`.
    static func open(_ a: Arguments) throws -> Value {
        let b = try a.bind(["file", "mode='r'", "buffering=-1", "encoding=None", "errors=None", "newline=None",
                            "closefd=True", "opener=None"])
        let path = try OSModule.pathString(b["file"])
        let mode = try b.string("mode")
        if !b["encoding"].isNone {
            let enc = try b.string("encoding").lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
            guard enc == "utf8" else { throw notSupported("open(encoding='\(try b.string("encoding"))'): only UTF-8 text files") }
        }
        for option in ["errors", "newline", "opener"] where !b[option].isNone {
            throw notSupported("open(\(option)=...)")
        }
        let flags = try parseMode(mode)
        if flags.contains("b") { throw notSupported("open() in binary mode ('\(mode)'): Kindling has no bytes type") }
        if flags.contains("+") { throw notSupported("open() in update mode ('\(mode)')") }
        let kind = flags.first { "rwax".contains($0) } ?? "r"
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw PyException.make(.isADirectoryError, "[Errno 21] Is a directory: \(Runtime.quoteString(path))")
        }
        if kind == "x", FileManager.default.fileExists(atPath: path) {
            throw PyException.make(.fileExistsError, "[Errno 17] File exists: \(Runtime.quoteString(path))")
        }
        let cMode = kind == "r" ? "r" : kind == "a" ? "a" : "w"
        guard let handle = fopen(path, cMode) else {
            let (kind, text) = errno == EACCES ? (PyExceptionKind.permissionError, "[Errno 13] Permission denied")
                : errno == ENOENT ? (.fileNotFoundError, "[Errno 2] No such file or directory")
                : (.osError, "[Errno \(errno)] \(String(cString: strerror(errno)))")
            throw PyException.make(kind, "\(text): \(Runtime.quoteString(path))")
        }
        return .object(TextFile(name: path, mode: mode, handle: handle, readable: kind == "r"))
    }

    /// The mode's letters, checked as CPython checks them.
    private static func parseMode(_ mode: String) throws -> Set<Character> {
        var seen = Set<Character>()
        for ch in mode {
            guard "rwaxbt+".contains(ch), !seen.contains(ch) else {
                throw PyException.make(.valueError, "invalid mode: '\(mode)'")
            }
            seen.insert(ch)
        }
        let kinds = seen.filter { "rwax".contains($0) }.count
        if kinds == 0 {
            throw PyException.make(.valueError, "Must have exactly one of create/read/write/append mode and at most one plus")
        }
        if kinds > 1 {
            throw PyException.make(.valueError, "must have exactly one of create/read/write/append mode")
        }
        if seen.contains("b") && seen.contains("t") {
            throw PyException.make(.valueError, "can't have text and binary mode at once")
        }
        return seen
    }

    private static func notSupported(_ what: String) -> PyException {
        PyException.make(.notImplementedError, "\(what) is not supported by Kindling")
    }

    private func openHandle() throws -> UnsafeMutablePointer<FILE> {
        guard let handle else { throw PyException.make(.valueError, "I/O operation on closed file.") }
        return handle
    }

    /// The whole decoded text, read on first use.
    private func contents() throws -> [Unicode.Scalar] {
        let handle = try openHandle()
        guard readable else { throw PyException.make(.osError, "not readable") }
        if let text { return text }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw PyException.make(.unicodeError, "'utf-8' codec can't decode the contents of \(Runtime.quoteString(name))")
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(decoded.unicodeScalars.count)
        var previousCR = false
        for s in decoded.unicodeScalars {
            if s == "\r" { scalars.append("\n"); previousCR = true; continue }
            if s == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            scalars.append(s)
        }
        text = scalars
        return scalars
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    func read(_ size: Int) throws -> String {
        let all = try contents()
        let end = size < 0 ? all.count : min(all.count, position + size)
        defer { position = end }
        return TextFile.string(all[position..<end])
    }

    func readLine(_ limit: Int = -1) throws -> String {
        let all = try contents()
        var end = position
        while end < all.count && (limit < 0 || end - position < limit) {
            end += 1
            if all[end - 1] == "\n" { break }
        }
        defer { position = end }
        return TextFile.string(all[position..<end])
    }

    func write(_ s: String) throws -> Int {
        let handle = try openHandle()
        guard !readable else { throw PyException.make(.osError, "not writable") }
        var utf8 = Array(s.utf8)
        let written = utf8.withUnsafeMutableBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == utf8.count else {
            throw PyException.make(.osError, "[Errno \(errno)] \(String(cString: strerror(errno))): \(Runtime.quoteString(name))")
        }
        return s.unicodeScalars.count
    }

    func close() {
        if let handle { fclose(handle) }
        handle = nil
        text = nil
    }

    func next() throws -> Value? {
        let line = try readLine()
        return line.isEmpty ? nil : .str(line)
    }

    static let textIOClass: PyClass = {
        let c = PyClass(native: "TextIOWrapper", module: "_io")
        func me(_ a: Arguments) throws -> TextFile { try a.selfObject(TextFile.self) }
        c.define("read") { a in
            let b = try a.bind(["self", "size=-1"])
            return .str(try me(a).read(b["size"].isNone ? -1 : try b.int("size")))
        }
        c.define("readline") { a in
            let b = try a.bind(["self", "size=-1"])
            return .str(try me(a).readLine(b["size"].isNone ? -1 : try b.int("size")))
        }
        c.define("readlines") { a in
            let f = try me(a)
            var lines: [Value] = []
            while true {
                let line = try f.readLine()
                if line.isEmpty { break }
                lines.append(.str(line))
            }
            return .object(PyList(lines))
        }
        c.define("write") { a in .int(try me(a).write(try a[1].asString())) }
        c.define("writelines") { a in
            let f = try me(a)
            for line in try Runtime.iterateToArray(try a[1]) { _ = try f.write(try line.asString()) }
            return .none
        }
        c.define("flush") { a in
            fflush(try me(a).openHandle())
            return .none
        }
        c.define("seek") { a in
            let b = try a.bind(["self", "cookie", "whence=0"])
            let f = try me(a)
            guard f.readable, try b.int("cookie") == 0, try b.int("whence") == 0 else {
                throw notSupported("seek() other than seek(0) on a file opened for reading")
            }
            _ = try f.contents()
            f.position = 0
            return .int(0)
        }
        c.define("close") { a in try me(a).close(); return .none }
        c.define("readable") { a in let f = try me(a); _ = try f.openHandle(); return .bool(f.readable) }
        c.define("writable") { a in let f = try me(a); _ = try f.openHandle(); return .bool(!f.readable) }
        c.define("__iter__") { a in let f = try me(a); _ = try f.openHandle(); return .object(f) }
        c.define("__next__") { a in
            guard let line = try me(a).next() else { throw PyException.make(.stopIteration, "") }
            return line
        }
        c.define("__enter__") { a in let f = try me(a); _ = try f.openHandle(); return .object(f) }
        c.define("__exit__") { a in try me(a).close(); return .bool(false) }
        c.define("__repr__") { a in
            let f = try me(a)
            return .str("<_io.TextIOWrapper name=\(Runtime.quoteString(f.name)) mode=\(Runtime.quoteString(f.mode)) encoding='UTF-8'>")
        }
        c.defineProperty("closed") { v in .bool(v.as(TextFile.self)?.closed ?? true) }
        c.defineProperty("name") { v in .str(v.as(TextFile.self)?.name ?? "") }
        c.defineProperty("mode") { v in .str(v.as(TextFile.self)?.mode ?? "") }
        c.defineProperty("encoding") { _ in .str("UTF-8") }
        return c
    }()
}
