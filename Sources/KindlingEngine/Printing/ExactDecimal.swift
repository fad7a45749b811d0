/// The exact decimal expansion of a finite `Double`, and rounding of it.
///
/// Every binary floating-point value has a finite decimal expansion:
/// `m * 2^-k == m * 5^k / 10^k`. Python's `'{:.4f}'` and `'{:.4e}'` round
/// that exact expansion half-to-even, so we compute it with a small
/// big-integer instead of relying on the C library (whose output also
/// depends on the process locale).
struct ExactDecimal {
    /// Significant decimal digits (each 0...9), no leading or trailing zeros.
    /// Empty for zero.
    var digits: [UInt8]
    /// The value is `0.d1d2d3... * 10^pointPosition`.
    var pointPosition: Int

    /// The exact expansion of `abs(value)`; `value` must be finite.
    init(magnitudeOf value: Double) {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude != 0 else {
            digits = []
            pointPosition = 0
            return
        }
        // magnitude == significand * 2^exponent with an integer significand.
        var significand = magnitude.significandBitPattern
        var exponent = Int(magnitude.exponent) - Double.significandBitCount
        if magnitude.isNormal {
            significand |= UInt64(1) << UInt64(Double.significandBitCount)
        } else {
            exponent = Int(Double.leastNormalMagnitude.exponent) - Double.significandBitCount
        }
        let trailing = significand.trailingZeroBitCount
        significand >>= UInt64(trailing)
        exponent += trailing

        if let digitsAndPoint = Self.expandWith128Bits(significand, exponent) {
            (digits, pointPosition) = digitsAndPoint
            return
        }
        var number = BigUInt(significand)
        var fractionDigits = 0
        if exponent >= 0 {
            number.shiftLeft(by: exponent)
        } else {
            // m / 2^k == m * 5^k / 10^k
            fractionDigits = -exponent
            number.multiply(byPowerOfFive: fractionDigits)
        }
        var all = number.decimalDigits()
        pointPosition = all.count - fractionDigits
        while let last = all.last, last == 0 { all.removeLast() }
        digits = all
    }

    /// The expansion of `significand * 2^exponent` without a big integer,
    /// when `significand << exponent` or `significand * 5^-exponent` fits
    /// in 128 bits (float32 values from about 1e-6 to 1e38).
    private static func expandWith128Bits(_ significand: UInt64, _ exponent: Int)
        -> (digits: [UInt8], pointPosition: Int)? {
        var number = UInt128(significand)
        var fractionDigits = 0
        if exponent >= 0 {
            guard exponent < number.leadingZeroBitCount else { return nil }
            number <<= UInt128(exponent)
        } else {
            fractionDigits = -exponent
            var remaining = fractionDigits
            while remaining > 0 {
                // 5^27 is the largest power of five below 2^64.
                let step = min(remaining, 27)
                var factor: UInt64 = 1
                for _ in 0..<step { factor *= 5 }
                let (product, overflow) = number.multipliedReportingOverflow(by: UInt128(factor))
                if overflow { return nil }
                number = product
                remaining -= step
            }
        }
        // Least significant digit first; 19 digits per 128-bit division.
        var reversed: [UInt8] = []
        reversed.reserveCapacity(40)
        while number != 0 {
            let (quotient, remainder) = number.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
            var chunk = UInt64(remainder)
            let digitCount = quotient == 0 ? 0 : 19  // pad inner chunks with zeros
            var produced = 0
            while chunk != 0 || produced < digitCount {
                reversed.append(UInt8(chunk % 10))
                chunk /= 10
                produced += 1
            }
            number = quotient
        }
        let pointPosition = reversed.count - fractionDigits
        // Trailing zeros of the value are the leading entries of `reversed`.
        let firstNonZero = reversed.firstIndex { $0 != 0 } ?? reversed.count
        return (Array(reversed[firstNonZero...].reversed()), pointPosition)
    }

    init(digits: [UInt8], pointPosition: Int) {
        self.digits = digits
        self.pointPosition = pointPosition
    }

    /// The first `count` digits (zero-padded), rounded half-to-even on the
    /// digits dropped. `carried` is true when rounding turned 99..9 into
    /// 100..0, in which case the result has `count + 1` digits.
    /// `count` may be 0 (everything is rounded into a units digit).
    func rounded(toDigitCount count: Int) -> (digits: [UInt8], carried: Bool) {
        guard count >= 0 else { return ([], false) }
        var kept = [UInt8](repeating: 0, count: count)
        for i in 0..<min(count, digits.count) { kept[i] = digits[i] }
        guard count < digits.count else { return (kept, false) }

        let firstDropped = digits[count]
        // Trailing zeros are stripped, so anything after the first dropped
        // digit is nonzero.
        let moreAfter = count + 1 < digits.count
        let lastKeptIsOdd = count > 0 && kept[count - 1] % 2 == 1
        let roundUp = firstDropped > 5 || (firstDropped == 5 && (moreAfter || lastKeptIsOdd))
        guard roundUp else { return (kept, false) }

        var i = count - 1
        while i >= 0 {
            if kept[i] == 9 {
                kept[i] = 0
                i -= 1
            } else {
                kept[i] += 1
                return (kept, false)
            }
        }
        return ([1] + kept, true)
    }
}

/// Just enough arbitrary-precision unsigned arithmetic for `ExactDecimal`.
struct BigUInt {
    /// Little-endian 32-bit limbs.
    private(set) var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    var isZero: Bool { limbs.isEmpty }

    private mutating func trim() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    mutating func multiply(bySmall factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        trim()
    }

    mutating func multiply(byPowerOfFive power: Int) {
        var remaining = power
        // 5^13 is the largest power of five below 2^32.
        while remaining >= 13 {
            multiply(bySmall: 1_220_703_125)
            remaining -= 13
        }
        var tail: UInt32 = 1
        for _ in 0..<remaining { tail *= 5 }
        if tail != 1 { multiply(bySmall: tail) }
    }

    mutating func shiftLeft(by bits: Int) {
        guard bits > 0, !isZero else { return }
        let limbShift = bits / 32
        let bitShift = UInt32(bits % 32)
        if bitShift != 0 {
            var carry: UInt32 = 0
            for i in limbs.indices {
                let value = limbs[i]
                limbs[i] = (value << bitShift) | carry
                carry = value >> (32 - bitShift)
            }
            if carry != 0 { limbs.append(carry) }
        }
        if limbShift > 0 {
            limbs.insert(contentsOf: [UInt32](repeating: 0, count: limbShift), at: 0)
        }
    }

    /// Divides in place by `divisor` (nonzero) and returns the remainder.
    mutating func divide(bySmall divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        var i = limbs.count - 1
        while i >= 0 {
            let current = (remainder << 32) | UInt64(limbs[i])
            limbs[i] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
            i -= 1
        }
        trim()
        return UInt32(remainder)
    }

    /// Decimal digits, most significant first; `[0]` for zero.
    func decimalDigits() -> [UInt8] {
        guard !isZero else { return [0] }
        var number = self
        var chunks: [UInt32] = []  // base 10^9, least significant first
        while !number.isZero {
            chunks.append(number.divide(bySmall: 1_000_000_000))
        }
        var result: [UInt8] = []
        result.reserveCapacity(chunks.count * 9)
        for (position, chunk) in chunks.reversed().enumerated() {
            var chunkDigits = [UInt8](repeating: 0, count: 9)
            var value = chunk
            for j in stride(from: 8, through: 0, by: -1) {
                chunkDigits[j] = UInt8(value % 10)
                value /= 10
            }
            if position == 0 {
                // Drop the leading zeros of the most significant chunk.
                let firstNonZero = chunkDigits.firstIndex { $0 != 0 } ?? 8
                result.append(contentsOf: chunkDigits[firstNonZero...])
            } else {
                result.append(contentsOf: chunkDigits)
            }
        }
        return result
    }
}
