import Foundation
import KindlingEngine
import KindlingLanguage

/// Reads the protocol-2 pickles `torch.save` writes, accepting only what a
/// checkpoint holds (like `torch.load(weights_only=True)`): numbers, strings,
/// lists, tuples, dicts, `OrderedDict`s, tensors, Parameters and `torch.Size`.
/// Any other global is refused, so loading never runs foreign code.
struct PickleReader {
    /// A pickle stack entry: a Python value, or an intermediate the pickle
    /// refers to (a global, a storage, a tuple holding either).
    indirect enum Item {
        case value(Value)
        case global(String, String)
        case storage(TorchStorageKind, String)
        case tuple([Item])
        case mark
    }

    let bytes: ArraySlice<UInt8>
    /// Storage bytes by persistent key.
    let storage: (String) throws -> ArraySlice<UInt8>
    private var p: Int
    private var stack: [Item] = []
    private var memo: [Int: Item] = [:]

    init(_ bytes: ArraySlice<UInt8>, storage: @escaping (String) throws -> ArraySlice<UInt8>) {
        self.bytes = bytes
        self.storage = storage
        p = bytes.startIndex
    }

    static func failure(_ why: String) -> PyException {
        TorchSerialization.unpickling("torch.load could not read this file: \(why)")
    }

    private mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, p + n <= bytes.endIndex else { throw PickleReader.failure("it ends too early") }
        defer { p += n }
        return bytes[p..<(p + n)]
    }

    private mutating func uint(_ n: Int) throws -> Int {
        var v = 0
        for (k, b) in try take(n).enumerated() { v |= Int(b) << (8 * k) }
        return v
    }

    private mutating func line() throws -> String {
        guard let end = bytes[p...].firstIndex(of: 0x0A) else { throw PickleReader.failure("unterminated global") }
        defer { p = end + 1 }
        return String(decoding: bytes[p..<end], as: UTF8.self)
    }

    private mutating func pop() throws -> Item {
        guard let top = stack.popLast() else { throw PickleReader.failure("stack underflow") }
        return top
    }

    private mutating func popToMark() throws -> [Item] {
        guard let m = stack.lastIndex(where: { if case .mark = $0 { return true } else { return false } }) else {
            throw PickleReader.failure("no mark")
        }
        let items = Array(stack[(m + 1)...])
        stack.removeSubrange(m...)
        return items
    }

    /// Runs the pickle; returns the object it builds.
    mutating func load() throws -> Value {
        while true {
            let op = try take(1).first ?? 0
            switch op {
            case 0x80: _ = try take(1)                                        // PROTO
            case 0x2E: return try PickleReader.value(try pop())                // STOP
            case 0x28: stack.append(.mark)                                     // MARK
            case 0x4E: stack.append(.value(.none))                             // NONE
            case 0x88: stack.append(.value(.bool(true)))                       // NEWTRUE
            case 0x89: stack.append(.value(.bool(false)))                      // NEWFALSE
            case 0x4B: stack.append(.value(.int(try uint(1))))                 // BININT1
            case 0x4D: stack.append(.value(.int(try uint(2))))                 // BININT2
            case 0x4A: stack.append(.value(.int(Int(Int32(truncatingIfNeeded: try uint(4))))))  // BININT
            case 0x8A:                                                         // LONG1
                let n = try uint(1)
                guard n <= 8 else { throw notSupported("torch.load of integers wider than 64 bits") }
                let raw = try take(n)
                var v: Int64 = 0
                for (k, b) in raw.enumerated() { v |= Int64(b) << Int64(8 * k) }
                if n > 0 && n < 8 && (raw.last ?? 0) & 0x80 != 0 { v -= Int64(1) << Int64(8 * n) }
                stack.append(.value(.int(Int(v))))
            case 0x47:                                                         // BINFLOAT
                var bits: UInt64 = 0
                for b in try take(8) { bits = bits << 8 | UInt64(b) }
                stack.append(.value(.float(Double(bitPattern: bits))))
            case 0x58: stack.append(.value(.str(String(decoding: try take(try uint(4)), as: UTF8.self))))  // BINUNICODE
            case 0x8C: stack.append(.value(.str(String(decoding: try take(try uint(1)), as: UTF8.self))))  // SHORT_BINUNICODE
            case 0x55: stack.append(.value(.str(String(decoding: try take(try uint(1)), as: UTF8.self))))  // SHORT_BINSTRING
            case 0x29: stack.append(.tuple([]))                                // EMPTY_TUPLE
            case 0x85: stack.append(.tuple([try pop()]))                       // TUPLE1
            case 0x86: let b = try pop(), a = try pop(); stack.append(.tuple([a, b]))
            case 0x87: let c = try pop(), b = try pop(), a = try pop(); stack.append(.tuple([a, b, c]))
            case 0x74: stack.append(.tuple(try popToMark()))                   // TUPLE
            case 0x5D: stack.append(.value(.object(PyList([]))))               // EMPTY_LIST
            case 0x7D: stack.append(.value(.object(PyDict())))                 // EMPTY_DICT
            case 0x61: let v = try pop(); try append([v])                      // APPEND
            case 0x65: try append(try popToMark())                             // APPENDS
            case 0x73: let v = try pop(), k = try pop(); try setItems([k, v])  // SETITEM
            case 0x75: try setItems(try popToMark())                           // SETITEMS
            case 0x71: memo[try uint(1)] = stack.last                          // BINPUT
            case 0x72: memo[try uint(4)] = stack.last                          // LONG_BINPUT
            case 0x94: memo[memo.count] = stack.last                           // MEMOIZE
            case 0x68, 0x6A:                                                   // BINGET, LONG_BINGET
                guard let item = memo[try uint(op == 0x68 ? 1 : 4)] else { throw PickleReader.failure("unknown memo entry") }
                stack.append(item)
            case 0x63:                                                         // GLOBAL
                let module = try line(), name = try line()
                stack.append(.global(module, name))
            case 0x95: _ = try take(8)                                         // FRAME
            case 0x51: stack.append(try persistent(try pop()))                 // BINPERSID
            case 0x52:                                                         // REDUCE
                guard case .tuple(let args) = try pop() else { throw PickleReader.failure("REDUCE without a tuple") }
                stack.append(try reduce(try pop(), args))
            case 0x62:                                                         // BUILD
                _ = try pop()  // an OrderedDict's `_metadata`, or a Parameter's state: Kindling keeps neither
            default:
                throw PickleReader.failure(String(format: "unsupported pickle opcode 0x%02x", op))
            }
        }
    }

    private mutating func append(_ items: [Item]) throws {
        guard case .value(let v)? = stack.last, let l = v.as(PyList.self) else { throw PickleReader.failure("APPEND to a non-list") }
        l.items += try items.map(PickleReader.value)
    }

    private mutating func setItems(_ items: [Item]) throws {
        guard case .value(let v)? = stack.last, let d = v.as(PyDict.self), items.count % 2 == 0 else {
            throw PickleReader.failure("SETITEM on a non-dict")
        }
        for i in stride(from: 0, to: items.count, by: 2) {
            try d.set(try PickleReader.value(items[i]), try PickleReader.value(items[i + 1]))
        }
    }

    private func persistent(_ id: Item) throws -> Item {
        guard case .tuple(let parts) = id, parts.count == 5, case .value(.str("storage")) = parts[0],
              case .global(let module, let name) = parts[1], module == "torch",
              case .value(.str(let key)) = parts[2] else {
            throw PickleReader.failure("unknown persistent id")
        }
        return .storage(try TorchStorageKind(storageName: name), key)
    }

    private func reduce(_ callable: Item, _ args: [Item]) throws -> Item {
        guard case .global(let module, let name) = callable else { throw PickleReader.failure("REDUCE on a non-global") }
        switch (module, name) {
        case ("collections", "OrderedDict"):
            let d = PyDict()
            d.pyClass = StateDict.orderedDict
            return .value(.object(d))
        case ("torch._utils", "_rebuild_tensor_v2"):
            guard args.count >= 4, case .storage(let kind, let key) = args[0], case .value(.int(let offset)) = args[1] else {
                throw PickleReader.failure("malformed tensor")
            }
            let size = try PickleReader.ints(args[2]), stride = try PickleReader.ints(args[3])
            let t = try kind.tensor(try storage(key), offset: offset, size: size, stride: stride)
            if args.count > 4, case .value(.bool(true)) = args[4] { _ = try t.requiresGrad_(true) }
            return .value(.tensor(t))
        case ("torch._utils", "_rebuild_parameter"):
            guard args.count >= 2, case .value(let data) = args[0], let t = data.tensorValue else { throw PickleReader.failure("malformed Parameter") }
            let p = t.detach()
            if case .value(.bool(let rg)) = args[1] { _ = try p.requiresGrad_(rg) }
            return .value(.object(TensorObject(p, pyClass: TorchTypes.parameter)))
        case ("torch", "Size"):
            guard let first = args.first else { throw PickleReader.failure("malformed torch.Size") }
            return .value(try Runtime.call(.object(TorchTypes.size), [try PickleReader.value(first)]))
        default:
            throw TorchSerialization.unpickling("Weights only load failed: Kindling loads tensors, numbers, strings and containers of them; unsupported global GLOBAL \(module).\(name) was found")
        }
    }

    static func value(_ item: Item) throws -> Value {
        switch item {
        case .value(let v): return v
        case .tuple(let items): return .object(PyTuple(try items.map(value)))
        case .global(let m, let n): throw TorchSerialization.unpickling("Weights only load failed: unsupported global \(m).\(n)")
        case .storage, .mark: throw failure("a bare storage or mark")
        }
    }

    static func ints(_ item: Item) throws -> [Int] {
        guard case .tuple(let items) = item else { throw failure("a tensor size is not a tuple") }
        return try items.map { i in
            guard case .value(.int(let v)) = i else { throw failure("a tensor size holds a non-integer") }
            return v
        }
    }
}
