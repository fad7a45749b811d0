import CZlib

/// A decoded PNG: its header fields and the unfiltered samples.
public struct DecodedPNG: Equatable {
    public let width: Int
    public let height: Int
    public let bitDepth: UInt8
    public let colorType: PNGColorType
    /// `width * height * colorType.channels` bytes, rows top to bottom.
    public let samples: [UInt8]

    /// The pixel at (x, y) as RGBA.
    public func pixel(x: Int, y: Int) -> RGBA {
        let i = (y * width + x) * colorType.channels
        switch colorType {
        case .gray: return RGBA(samples[i], samples[i], samples[i])
        case .rgb: return RGBA(samples[i], samples[i + 1], samples[i + 2])
        case .rgba: return RGBA(samples[i], samples[i + 1], samples[i + 2], samples[i + 3])
        }
    }
}

/// A minimal PNG reader for the files `PNGEncoder` writes (8-bit gray/RGB/RGBA, no interlace,
/// all five filter types), checking the signature and every chunk's CRC.
public enum PNGDecoder {
    public static func decode(_ bytes: [UInt8]) throws -> DecodedPNG {
        guard bytes.count >= 8, Array(bytes[0..<8]) == PNGEncoder.signature else { throw bad("not a PNG signature") }
        var offset = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        var sawEnd = false
        while offset + 12 <= bytes.count && !sawEnd {
            let length = Int(readBigEndian(bytes, offset))
            let typeBytes = Array(bytes[offset + 4..<offset + 8])
            guard length >= 0, offset + 12 + length <= bytes.count else { throw bad("truncated chunk") }
            let data = Array(bytes[offset + 8..<offset + 8 + length])
            guard readBigEndian(bytes, offset + 8 + length) == PNGEncoder.crc(typeBytes, data) else {
                throw bad("CRC mismatch in \(String(decoding: typeBytes, as: UTF8.self))")
            }
            switch String(decoding: typeBytes, as: UTF8.self) {
            case "IHDR": header = data
            case "IDAT": compressed += data
            case "IEND": sawEnd = true
            default: break
            }
            offset += 12 + length
        }
        guard sawEnd, header.count == 13 else { throw bad("missing IHDR or IEND") }
        let width = Int(readBigEndian(header, 0))
        let height = Int(readBigEndian(header, 4))
        guard header[8] == 8, let colorType = PNGColorType(rawValue: header[9]), header[12] == 0 else {
            throw bad("unsupported PNG format")
        }
        let channels = colorType.channels
        let rowBytes = width * channels
        let raw = try inflate(compressed, expected: (rowBytes + 1) * height)
        guard raw.count == (rowBytes + 1) * height else { throw bad("wrong amount of image data") }
        var samples = [UInt8](repeating: 0, count: rowBytes * height)
        for y in 0..<height {
            let filter = raw[y * (rowBytes + 1)]
            for i in 0..<rowBytes {
                let x = raw[y * (rowBytes + 1) + 1 + i]
                let a = i >= channels ? samples[y * rowBytes + i - channels] : 0
                let b = y > 0 ? samples[(y - 1) * rowBytes + i] : 0
                let c = (i >= channels && y > 0) ? samples[(y - 1) * rowBytes + i - channels] : 0
                let predictor: UInt8
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = UInt8((Int(a) + Int(b)) / 2)
                case 4: predictor = paeth(a, b, c)
                default: throw bad("bad filter type \(filter)")
                }
                samples[y * rowBytes + i] = x &+ predictor
            }
        }
        return DecodedPNG(width: width, height: height, bitDepth: 8, colorType: colorType, samples: samples)
    }

    static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    static func inflate(_ data: [UInt8], expected: Int) throws -> [UInt8] {
        var destLength = uLong(expected)
        var dest = [UInt8](repeating: 0, count: max(expected, 1))
        let status = dest.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &destLength, input.baseAddress, uLong(data.count))
            }
        }
        guard status == Z_OK else { throw bad("zlib uncompress failed with status \(status)") }
        return Array(dest.prefix(Int(destLength)))
    }

    static func readBigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    static func bad(_ message: String) -> GraphicsError { .invalidValue("invalid PNG: \(message)") }
}
