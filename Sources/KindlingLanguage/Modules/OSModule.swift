import Foundation

enum OSModule {
    static func make(_ interp: Interpreter) -> PyModule {
        let m = PyModule(name: "os")
        let env = PyDict()
        for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) { env.set(k, .str(v)) }
        m["environ"] = .object(env)
        m["sep"] = .str("/")
        m["name"] = .str("posix")
        m["path"] = .object(makePath())
        m.define("getcwd") { _ in .str(FileManager.default.currentDirectoryPath) }
        m.define("getenv") { a in
            let b = try a.bind(["key", "default=None"])
            return try env.get(b["key"]) ?? b["default"]
        }
        m.define("listdir") { a in
            let path = a.positional.isEmpty ? "." : try pathString(try a[0])
            do {
                return .object(PyList(try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { .str($0) }))
            } catch {
                throw PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(path)'")
            }
        }
        m.define("makedirs") { a in
            let b = try a.bind(["name", "mode=511", "exist_ok=False"])
            let path = try pathString(b["name"])
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                if try b.bool("exist_ok") && isDir.boolValue { return .none }
                throw PyException.make(.fileExistsError, "[Errno 17] File exists: '\(path)'")
            }
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw PyException.make(.osError, "cannot create directory '\(path)'")
            }
            return .none
        }
        m.define("mkdir") { a in
            let path = try pathString(try a[0])
            if FileManager.default.fileExists(atPath: path) { throw PyException.make(.fileExistsError, "[Errno 17] File exists: '\(path)'") }
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) } catch {
                throw PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(path)'")
            }
            return .none
        }
        m.define("remove") { a in
            let path = try pathString(try a[0])
            do { try FileManager.default.removeItem(atPath: path) } catch {
                throw PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(path)'")
            }
            return .none
        }
        m.define("cpu_count") { _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
        m.define("getpid") { _ in .int(Int(getpid())) }
        return m
    }

    /// A path argument: a str or an object with `__fspath__` (pathlib.Path).
    static func pathString(_ v: Value) throws -> String {
        if case .str(let s) = v { return s }
        if let p = v.as(PathObject.self) { return p.path }
        if let r = try Runtime.callSpecialIfPresent(v, "__fspath__", []) { return try r.asString() }
        throw PyException.make(.typeError, "expected str, bytes or os.PathLike object, not \(v.typeName)")
    }

    static func makePath() -> PyModule {
        let p = PyModule(name: "posixpath")
        p.define("join") { a in
            var out = ""
            for v in a.positional {
                let s = try pathString(v)
                if s.hasPrefix("/") { out = s } else if out.isEmpty || out.hasSuffix("/") { out += s } else { out += "/" + s }
            }
            return .str(out)
        }
        p.define("exists") { a in .bool(FileManager.default.fileExists(atPath: try pathString(try a[0]))) }
        p.define("isfile") { a in
            var d: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: try pathString(try a[0]), isDirectory: &d) && !d.boolValue)
        }
        p.define("isdir") { a in
            var d: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: try pathString(try a[0]), isDirectory: &d) && d.boolValue)
        }
        p.define("basename") { a in
            let s = try pathString(try a[0])
            return .str(s.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? "")
        }
        p.define("dirname") { a in
            let s = try pathString(try a[0])
            guard let i = s.lastIndex(of: "/") else { return .str("") }
            let head = String(s[..<i])
            return .str(head.isEmpty ? "/" : head)
        }
        p.define("split") { a in
            let s = try pathString(try a[0])
            guard let i = s.lastIndex(of: "/") else { return .object(PyTuple([.str(""), .str(s)])) }
            let head = String(s[..<i])
            return .object(PyTuple([.str(head.isEmpty ? "/" : head), .str(String(s[s.index(after: i)...]))]))
        }
        p.define("splitext") { a in
            let s = try pathString(try a[0])
            let base = s.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? s
            if let dot = base.lastIndex(of: "."), dot != base.startIndex, base[..<dot].contains(where: { $0 != "." }) {
                let ext = String(base[dot...])
                return .object(PyTuple([.str(String(s.dropLast(ext.count))), .str(ext)]))
            }
            return .object(PyTuple([.str(s), .str("")]))
        }
        p.define("expanduser") { a in
            let s = try pathString(try a[0])
            if s == "~" || s.hasPrefix("~/") { return .str(NSHomeDirectory() + s.dropFirst()) }
            return .str(s)
        }
        p.define("abspath") { a in
            let s = try pathString(try a[0])
            return .str(s.hasPrefix("/") ? s : FileManager.default.currentDirectoryPath + "/" + s)
        }
        p.define("getsize") { a in
            let s = try pathString(try a[0])
            guard let attrs = try? FileManager.default.attributesOfItem(atPath: s), let n = attrs[.size] as? NSNumber else {
                throw PyException.make(.fileNotFoundError, "[Errno 2] No such file or directory: '\(s)'")
            }
            return .int(n.intValue)
        }
        p["sep"] = .str("/")
        return p
    }
}

enum SysModule {
    static func make(_ interp: Interpreter) -> PyModule {
        let m = PyModule(name: "sys")
        m["argv"] = .object(PyList(interp.argv.map { .str($0) }))
        m["version"] = .str("3.11.0 (Kindling)")
        m["platform"] = .str("linux")
        m["maxsize"] = .int(Int.max)
        addVersionInfo(to: m)
        m["path"] = .object(PyList([.str(interp.scriptDirectory ?? "")]))
        m["modules"] = .object(PyDict())
        m.define("exit") { a in
            throw PyException.make(Builtins.exc(.systemExit), args: a.positional.isEmpty ? [] : [a.positional[0]])
        }
        m.define("getrecursionlimit") { _ in .int(Interrupts.recursionLimit) }
        m.define("setrecursionlimit") { a in
            let n = try a[0].asInt()
            guard n > 0 else { throw PyException.make(.valueError, "recursion limit must be greater or equal than 1") }
            guard n <= Int(Int32.max) else { throw PyException.make(.overflowError, "Python int too large to convert to C int") }
            // Any limit is accepted: calls past what the native stack holds raise RecursionError too.
            Interrupts.recursionLimit = n
            return .none
        }
        let stdout = PyObject(pyClass: streamClass, hasAttributes: true)
        stdout.attributes?["write"] = .object(NativeFunction(name: "write") { [unowned interp] a in
            let s = try a[0].asString()
            interp.output(s)
            return .int(s.count)
        })
        stdout.attributes?["flush"] = .object(NativeFunction(name: "flush") { _ in .none })
        m["stdout"] = .object(stdout)
        let stderr = PyObject(pyClass: streamClass, hasAttributes: true)
        stderr.attributes?["write"] = .object(NativeFunction(name: "write") { [unowned interp] a in
            let s = try a[0].asString()
            interp.errorOutput(s)
            return .int(s.count)
        })
        stderr.attributes?["flush"] = .object(NativeFunction(name: "flush") { _ in .none })
        m["stderr"] = .object(stderr)
        return m
    }

    static let streamClass = PyClass(native: "TextIOWrapper", module: "_io")
}
