import Foundation

/// Images from an IDX file (magic 2051): `count` images of `rows` x `columns` bytes, row-major.
public struct IDXImages: Equatable {
    public let count: Int
    public let rows: Int
    public let columns: Int
    public let pixels: [UInt8]

    public init(count: Int, rows: Int, columns: Int, pixels: [UInt8]) throws {
        guard count >= 0, rows >= 0, columns >= 0, pixels.count == count * rows * columns else {
            throw DataError.value("IDX images: \(pixels.count) pixels do not make \(count) images of \(rows) x \(columns)")
        }
        self.count = count; self.rows = rows; self.columns = columns; self.pixels = pixels
    }
}

/// Reads MNIST's IDX files (gzip or not), checking the magic number and that the header's
/// dimensions match the file's size.
public enum IDXReader {
    public static let imagesMagic: UInt32 = 2051
    public static let labelsMagic: UInt32 = 2049

    /// `train-images-idx3-ubyte[.gz]`.
    public static func readImages(path: String) throws -> IDXImages {
        try decodeImages(try readFile(path), name: path)
    }

    /// `train-labels-idx1-ubyte[.gz]`.
    public static func readLabels(path: String) throws -> [UInt8] {
        try decodeLabels(try readFile(path), name: path)
    }

    public static func decodeImages(_ raw: [UInt8], name: String) throws -> IDXImages {
        let bytes = try Gzip.decompressIfNeeded(raw, name: name)
        let dims = try header(bytes, name: name, magic: imagesMagic, what: "images", dimensions: 3)
        // Three UInt32 dimensions can overflow Int64: a foreign file must not crash us.
        let (p1, o1) = dims[0].multipliedReportingOverflow(by: dims[1])
        let (payload, o2) = p1.multipliedReportingOverflow(by: dims[2])
        if o1 || o2 { throw DataError.value("\(name) is not a usable IDX images file: \(dims[0]) x \(dims[1]) x \(dims[2]) is too large") }
        try checkSize(bytes.count, headerSize: 16, payload: payload, name: name,
                      what: "\(dims[0]) images of \(dims[1]) x \(dims[2]) pixels")
        return try IDXImages(count: dims[0], rows: dims[1], columns: dims[2], pixels: Array(bytes[16...]))
    }

    public static func decodeLabels(_ raw: [UInt8], name: String) throws -> [UInt8] {
        let bytes = try Gzip.decompressIfNeeded(raw, name: name)
        let dims = try header(bytes, name: name, magic: labelsMagic, what: "labels", dimensions: 1)
        try checkSize(bytes.count, headerSize: 8, payload: dims[0], name: name, what: "\(dims[0]) labels")
        return Array(bytes[8...])
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        let file = try MappedFile(path: path)
        defer { file.close() }
        guard let p = file.bytes else { return [] }
        return Array(UnsafeBufferPointer(start: p, count: file.count))
    }

    private static func bigEndian(_ b: [UInt8], _ at: Int) -> UInt32 {
        (UInt32(b[at]) << 24) | (UInt32(b[at + 1]) << 16) | (UInt32(b[at + 2]) << 8) | UInt32(b[at + 3])
    }

    private static func header(_ b: [UInt8], name: String, magic: UInt32, what: String, dimensions: Int) throws -> [Int] {
        let headerSize = 4 + 4 * dimensions
        guard b.count >= 4 else {
            throw DataError.value("\(name) is not an IDX \(what) file: it holds only \(b.count) bytes")
        }
        let found = bigEndian(b, 0)
        guard found == magic else {
            let hint: String
            switch found {
            case imagesMagic: hint = " (that is an IDX images file)"
            case labelsMagic: hint = " (that is an IDX labels file)"
            default: hint = b.count >= 2 && b[0] == 0x1f && b[1] == 0x8b ? " (gzip inside gzip?)" : ""
            }
            throw DataError.value("\(name) is not an IDX \(what) file: magic number \(found)\(hint), expected \(magic)")
        }
        guard b.count >= headerSize else {
            throw DataError.value("\(name) is truncated: the IDX header needs \(headerSize) bytes, the file holds \(b.count)")
        }
        return (0..<dimensions).map { Int(bigEndian(b, 4 + 4 * $0)) }
    }

    private static func checkSize(_ size: Int, headerSize: Int, payload: Int, name: String, what: String) throws {
        let expected = headerSize + payload
        if size < expected {
            throw DataError.value("\(name) is truncated: its header promises \(what) (\(expected) bytes), the file holds \(size) bytes")
        }
        if size > expected {
            throw DataError.value("\(name) has \(size - expected) bytes more than its header's \(what) (\(expected) bytes)")
        }
    }
}
