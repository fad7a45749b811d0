import Foundation

/// `pathlib.Path` (PosixPath), with fastai's `ls()`.
public final class PathObject: PyObject {
    public let path: String
    public init(_ path: String) {
        self.path = PathObject.normalize(path)
        super.init(pyClass: PathlibModule.pathClass)
    }

    static func normalize(_ p: String) -> String {
        if p.isEmpty { return "." }
        let absolute = p.hasPrefix("/")
        let parts = p.split(separator: "/").filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    var name: String { path == "/" ? "" : (path.split(separator: "/").last.map(String.init) ?? "") }
    var suffix: String {
        let n = name
        guard let dot = n.lastIndex(of: "."), dot != n.startIndex else { return "" }
        return String(n[dot...])
    }
    var stem: String { String(name.dropLast(suffix.count)) }
    var parent: String {
        guard let i = path.lastIndex(of: "/") else { return "." }
        let head = String(path[..<i])
        return head.isEmpty ? "/" : head
    }
    func joining(_ other: String) -> PathObject {
        if other.hasPrefix("/") { return PathObject(other) }
        return PathObject(path == "." ? other : path + "/" + other)
    }
}

enum PathlibModule {
    static let pathClass: PyClass = {
        let c = PyClass(native: "PosixPath", module: "pathlib")
        c.constructor = { a in
            var p = PathObject(".")
            for (i, v) in a.positional.enumerated() {
                let s = try OSModule.pathString(v)
                p = i == 0 ? PathObject(s) : p.joining(s)
            }
            return .object(p)
        }
        func me(_ a: Arguments) throws -> PathObject { try a.selfObject(PathObject.self) }
        c.define("__truediv__") { a in .object(try me(a).joining(try OSModule.pathString(try a[1]))) }
        c.define("__rtruediv__") { a in .object(PathObject(try OSModule.pathString(try a[1])).joining(try me(a).path)) }
        c.define("__str__") { a in .str(try me(a).path) }
        c.define("__fspath__") { a in .str(try me(a).path) }
        c.define("__repr__") { a in .str("PosixPath(\(Runtime.quoteString(try me(a).path)))") }
        c.define("__eq__") { a in .bool((try a[1].as(PathObject.self)?.path) == (try me(a).path)) }
        c.define("__hash__") { a in .int(try me(a).path.hashValue) }
        c.define("__lt__") { a in .bool(try me(a).path < (try a[1].as(PathObject.self)?.path ?? "")) }
        c.defineProperty("name") { v in .str(v.as(PathObject.self)?.name ?? "") }
        c.defineProperty("stem") { v in .str(v.as(PathObject.self)?.stem ?? "") }
        c.defineProperty("suffix") { v in .str(v.as(PathObject.self)?.suffix ?? "") }
        c.defineProperty("parent") { v in .object(PathObject(v.as(PathObject.self)?.parent ?? ".")) }
        c.defineProperty("parts") { v in
            let p = v.as(PathObject.self)?.path ?? ""
            var parts: [Value] = p.hasPrefix("/") ? [.str("/")] : []
            parts += p.split(separator: "/").map { .str(String($0)) }
            return .object(PyTuple(parts))
        }
        c.define("exists") { a in .bool(FileManager.default.fileExists(atPath: try me(a).path)) }
        c.define("is_file") { a in
            var d: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: try me(a).path, isDirectory: &d) && !d.boolValue)
        }
        c.define("is_dir") { a in
            var d: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: try me(a).path, isDirectory: &d) && d.boolValue)
        }
        c.define("open") { a in
            let b = try a.bind(["self", "mode='r'", "buffering=-1", "encoding=None", "errors=None", "newline=None"])
            var rest = Arguments([.str(try me(a).path)])
            rest.keywords = ["mode", "buffering", "encoding", "errors", "newline"].map { ($0, b[$0]) }
            return try TextFile.open(rest)
        }
        c.define("read_text") { a in
            let p = try me(a).path
            guard let s = try? String(contentsOfFile: p, encoding: .utf8) else {
                throw PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(p)'")
            }
            return .str(s)
        }
        c.define("write_text") { a in
            let p = try me(a).path
            let s = try a[1].asString()
            do { try s.write(toFile: p, atomically: true, encoding: .utf8) } catch {
                throw PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(p)'")
            }
            return .int(s.count)
        }
        func list(_ p: PathObject) throws -> [Value] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: p.path) else {
                throw PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(p.path)'")
            }
            return names.sorted().map { .object(p.joining($0)) }
        }
        c.define("iterdir") { a in .object(ArrayIterator(try list(try me(a)))) }
        c.define("ls") { a in .object(PyList(try list(try me(a)))) }
        c.define("glob") { a in
            let pattern = try a[1].asString()
            return .object(ArrayIterator(try list(try me(a)).filter { v in
                fnmatch(pattern, v.as(PathObject.self)?.name ?? "", 0) == 0
            }))
        }
        c.define("mkdir") { a in
            let b = try a.bind(["self", "mode=511", "parents=False", "exist_ok=False"])
            let p = try me(a).path
            if FileManager.default.fileExists(atPath: p) {
                if try b.bool("exist_ok") { return .none }
                throw PyException.make(.fileExistsError, "[Errno 17] File exists: '\(p)'")
            }
            do { try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: try b.bool("parents")) } catch {
                throw PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(p)'")
            }
            return .none
        }
        c.define("with_suffix") { a in
            let p = try me(a)
            let s = try a[1].asString()
            return .object(PathObject(String(p.path.dropLast(p.suffix.count)) + s))
        }
        c.define("absolute") { a in
            let p = try me(a).path
            return .object(PathObject(p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p))
        }
        c.define("expanduser") { a in
            let p = try me(a).path
            return .object(PathObject(p.hasPrefix("~") ? NSHomeDirectory() + p.dropFirst() : p))
        }
        c.setAttribute("home", .object(MethodWrapper(.staticMethod, .object(NativeFunction(name: "home") { _ in
            .object(PathObject(NSHomeDirectory()))
        }))))
        c.setAttribute("cwd", .object(MethodWrapper(.staticMethod, .object(NativeFunction(name: "cwd") { _ in
            .object(PathObject(FileManager.default.currentDirectoryPath))
        }))))
        return c
    }()

    static func make() -> PyModule {
        let m = PyModule(name: "pathlib")
        m["Path"] = .object(pathClass)
        m["PosixPath"] = .object(pathClass)
        return m
    }
}
