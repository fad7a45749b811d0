import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A read-only memory map of a whole file, with CPython's `open()` errors.
struct MappedFile {
    let bytes: UnsafePointer<UInt8>?
    let count: Int
    private let mapping: UnsafeMutableRawPointer?

    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw osError(errno, path) }
        defer { _ = Glibc.close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw osError(errno, path) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw osError(EISDIR, path) }
        count = Int(st.st_size)
        if count == 0 { bytes = nil; mapping = nil; return }
        guard let m = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), m != MAP_FAILED else {
            throw osError(errno, path)
        }
        mapping = m
        bytes = UnsafePointer(m.assumingMemoryBound(to: UInt8.self))
    }

    func close() {
        if let m = mapping { munmap(m, count) }
    }
}

/// CPython's OSError subclasses for common errno values.
func osError(_ code: Int32, _ path: String) -> DataError {
    let text = String(cString: strerror(code))
    let kind: DataError.Kind
    switch code {
    case ENOENT: kind = .fileNotFoundError
    case EACCES, EPERM: kind = .permissionError
    case EISDIR: kind = .isADirectoryError
    case ENOTDIR: kind = .notADirectoryError
    default: kind = .osError
    }
    return DataError(kind, "[Errno \(code)] \(text): \(pythonQuoted(path))")
}
