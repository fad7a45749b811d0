import Foundation
import KindlingEngine
import KindlingLanguage

/// Writes the subset of Python values a checkpoint holds as a protocol-2
/// pickle the way `torch.save` does: tensors as `torch._utils._rebuild_tensor_v2`
/// calls whose storages are persistent ids (`('storage', torch.FloatStorage,
/// key, 'cpu', numel)`), their bytes kept aside for the archive's `data/KEY`
/// records.
struct PickleWriter {
    private(set) var bytes: [UInt8] = [0x80, 2]
    /// Storage bytes by key, in key order.
    private(set) var storages: [[UInt8]] = []

    mutating func finish() -> [UInt8] { bytes + [0x2E] }  // STOP

    mutating func write(_ v: Value) throws {
        switch v {
        case .none: bytes.append(0x4E)
        case .bool(let b): bytes.append(b ? 0x88 : 0x89)
        case .int(let i): writeInt(i)
        case .float(let d):
            bytes.append(0x47)  // BINFLOAT, big-endian
            bytes += withUnsafeBytes(of: d.bitPattern.bigEndian) { Array($0) }
        case .str(let s): writeString(s)
        default: try writeObject(v)
        }
    }

    private mutating func writeObject(_ v: Value) throws {
        if let p = ModuleClass.isParameter(v) {
            global("torch._utils", "_rebuild_parameter")
            bytes.append(0x28)  // MARK
            try writeTensor(p.tensor)
            bytes.append(p.tensor.requiresGrad ? 0x88 : 0x89)
            emptyOrderedDict()
            bytes += [0x74, 0x52]  // TUPLE, REDUCE
            return
        }
        if let t = v.tensorValue { return try writeTensor(t) }
        if let d = v.as(PyDict.self) {
            if d.pyClass === StateDict.orderedDict { emptyOrderedDict() } else { bytes.append(0x7D) }  // EMPTY_DICT
            guard d.count > 0 else { return }
            bytes.append(0x28)
            for (k, value) in d.pairs { try write(k); try write(value) }
            bytes.append(0x75)  // SETITEMS
            return
        }
        if let l = v.as(PyList.self), l.pyClass === Builtins.list {
            bytes.append(0x5D)  // EMPTY_LIST
            guard !l.items.isEmpty else { return }
            bytes.append(0x28)
            for item in l.items { try write(item) }
            bytes.append(0x65)  // APPENDS
            return
        }
        if let t = v.as(PyTuple.self), t.pyClass === Builtins.tuple { return try writeTuple(t.items) }
        throw notSupported("torch.save of a '\(v.typeName)' object (Kindling saves tensors, numbers, strings and lists, tuples and dicts of them; save a model's state_dict())")
    }

    private mutating func writeTuple(_ items: [Value]) throws {
        switch items.count {
        case 0: bytes.append(0x29)
        case 1...3:
            for item in items { try write(item) }
            bytes.append([0x85, 0x86, 0x87][items.count - 1])
        default:
            bytes.append(0x28)
            for item in items { try write(item) }
            bytes.append(0x74)
        }
    }

    private mutating func writeInt(_ i: Int) {
        if i >= 0 && i < 256 { bytes += [0x4B, UInt8(i)] }
        else if i >= 0 && i < 65_536 { bytes += [0x4D, UInt8(i & 0xFF), UInt8(i >> 8)] }
        else if i >= Int(Int32.min) && i <= Int(Int32.max) {
            bytes.append(0x4A)
            bytes += withUnsafeBytes(of: Int32(i).littleEndian) { Array($0) }
        } else {
            bytes += [0x8A, 8]  // LONG1, 8 bytes two's complement
            bytes += withUnsafeBytes(of: Int64(i).littleEndian) { Array($0) }
        }
    }

    private mutating func writeString(_ s: String) {
        let utf8 = Array(s.utf8)
        bytes.append(0x58)  // BINUNICODE
        bytes += withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { Array($0) }
        bytes += utf8
    }

    private mutating func global(_ module: String, _ name: String) {
        bytes.append(0x63)
        bytes += Array("\(module)\n\(name)\n".utf8)
    }

    private mutating func emptyOrderedDict() {
        global("collections", "OrderedDict")
        bytes += [0x29, 0x52]  // EMPTY_TUPLE, REDUCE
    }

    /// A tensor as `_rebuild_tensor_v2(storage, 0, size, stride, requires_grad, OrderedDict())`,
    /// its elements copied contiguously into a storage of its own.
    private mutating func writeTensor(_ t: Tensor) throws {
        let kind = try TorchStorageKind(t.dtype)
        let key = storages.count
        storages.append(kind.encode(t.scalars()))
        global("torch._utils", "_rebuild_tensor_v2")
        bytes.append(0x28)
        bytes.append(0x28)
        writeString("storage")
        global("torch", kind.storageName)
        writeString(String(key))
        writeString("cpu")
        writeInt(t.numel)
        bytes += [0x74, 0x51]  // TUPLE, BINPERSID
        writeInt(0)
        try writeTuple(t.shape.map { .int($0) })
        var strides = [Int](repeating: 1, count: t.shape.count)
        for d in stride(from: t.shape.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * max(1, t.shape[d + 1]) }
        try writeTuple(strides.map { .int($0) })
        bytes.append(t.requiresGrad && t.isLeaf ? 0x88 : 0x89)
        emptyOrderedDict()
        bytes += [0x74, 0x52]
    }
}
