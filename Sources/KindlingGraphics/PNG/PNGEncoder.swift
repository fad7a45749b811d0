import CZlib

/// The pixel layouts the PNG encoder writes (8 bits per sample).
public enum PNGColorType: UInt8, Sendable {
    case gray = 0
    case rgb = 2
    case rgba = 6

    /// Samples per pixel.
    public var channels: Int {
        switch self {
        case .gray: return 1
        case .rgb: return 3
        case .rgba: return 4
        }
    }
}

/// Writes 8-bit PNG files: signature, IHDR, one IDAT (zlib deflate from the system), IEND.
public enum PNGEncoder {
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Encodes raw samples (`width * height * colorType.channels` bytes, rows top to bottom).
    public static func encode(width: Int, height: Int, colorType: PNGColorType, samples: [UInt8]) throws -> [UInt8] {
        guard width > 0, height > 0, width <= 1 << 24, height <= 1 << 24 else {
            throw GraphicsError.invalidValue("PNG image size must be positive, got \(width)x\(height)")
        }
        let rowBytes = width * colorType.channels
        guard samples.count == rowBytes * height else {
            throw GraphicsError.invalidValue("PNG expects \(rowBytes * height) bytes, got \(samples.count)")
        }
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, colorType.rawValue, 0, 0, 0]  // bit depth, colour type, deflate, filter 0, no interlace

        let filtered = filterRows(samples, rowBytes: rowBytes, height: height, bytesPerPixel: colorType.channels)
        var output = signature
        appendChunk("IHDR", header, to: &output)
        appendChunk("IDAT", try deflate(filtered), to: &output)
        appendChunk("IEND", [], to: &output)
        return output
    }

    /// Encodes an RGBA raster as an RGBA PNG (or RGB when every pixel is opaque and `dropOpaqueAlpha`).
    public static func encode(_ raster: Raster, dropOpaqueAlpha: Bool = true) throws -> [UInt8] {
        if dropOpaqueAlpha && raster.pixels.allSatisfy({ $0.a == 255 }) {
            var rgb: [UInt8] = []
            rgb.reserveCapacity(raster.pixels.count * 3)
            for p in raster.pixels { rgb.append(p.r); rgb.append(p.g); rgb.append(p.b) }
            return try encode(width: raster.width, height: raster.height, colorType: .rgb, samples: rgb)
        }
        var rgba: [UInt8] = []
        rgba.reserveCapacity(raster.pixels.count * 4)
        for p in raster.pixels { rgba += [p.r, p.g, p.b, p.a] }
        return try encode(width: raster.width, height: raster.height, colorType: .rgba, samples: rgba)
    }

    // MARK: - Pieces

    /// Each row gets the filter (None, Sub or Up) with the smallest sum of absolute residuals.
    static func filterRows(_ samples: [UInt8], rowBytes: Int, height: Int, bytesPerPixel: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        var candidate = [UInt8](repeating: 0, count: rowBytes)
        samples.withUnsafeBufferPointer { src in
            for y in 0..<height {
                let row = y * rowBytes
                let dest = y * (rowBytes + 1)
                var bestCost = Int.max
                for filterType: UInt8 in 0...2 {
                    var cost = 0
                    for i in 0..<rowBytes {
                        let current = src[row + i]
                        let predictor: UInt8
                        switch filterType {
                        case 1: predictor = i >= bytesPerPixel ? src[row + i - bytesPerPixel] : 0
                        case 2: predictor = y > 0 ? src[row + i - rowBytes] : 0
                        default: predictor = 0
                        }
                        let residual = current &- predictor
                        candidate[i] = residual
                        cost += Int(Int8(bitPattern: residual).magnitude)
                    }
                    if cost < bestCost {
                        bestCost = cost
                        out[dest] = filterType
                        for i in 0..<rowBytes { out[dest + 1 + i] = candidate[i] }
                    }
                }
            }
        }
        return out
    }

    static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        var destLength = compressBound(uLong(data.count))
        var dest = [UInt8](repeating: 0, count: Int(destLength))
        let status = dest.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &destLength, input.baseAddress, uLong(data.count), 6)
            }
        }
        guard status == Z_OK else { throw GraphicsError.invalidValue("zlib compress failed with status \(status)") }
        return Array(dest.prefix(Int(destLength)))
    }

    static func crc(_ type: [UInt8], _ data: [UInt8]) -> UInt32 {
        var value = crc32(0, nil, 0)
        value = type.withUnsafeBufferPointer { crc32(value, $0.baseAddress, uInt($0.count)) }
        if !data.isEmpty {
            value = data.withUnsafeBufferPointer { crc32(value, $0.baseAddress, uInt($0.count)) }
        }
        return UInt32(truncatingIfNeeded: value)
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to output: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count), to: &output)
        output += typeBytes
        output += data
        appendBigEndian(crc(typeBytes, data), to: &output)
    }

    static func appendBigEndian(_ value: UInt32, to output: inout [UInt8]) {
        output += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
