#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `torch.multinomial` as ATen's CPU implementation samples: one sample, or any number
/// without replacement, by the exponential (Gumbel) trick `argmax/topk(p / Exp(1))`; several
/// samples with replacement by inverting the normalised cumulative distribution with one
/// 53-bit uniform double per sample (binary search over a float32 cumulative sum for float32
/// input). Same indices and generator state as PyTorch for a seed.
extension Tensor {
    public func multinomial(numSamples n: Int, replacement: Bool, generator: RandomGenerator = .global) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError(.runtimeError, "multinomial only supports floating-point dtypes for input, got: \(dtype.kernelName)")
        }
        guard dim == 1 || dim == 2 else { throw TensorError(.runtimeError, "prob_dist must be 1 or 2 dim") }
        guard n > 0 else { throw TensorError(.runtimeError, "cannot sample n_sample <= 0 samples") }
        let categories = shape[dim - 1], rows = dim == 2 ? shape[0] : 1
        if !replacement && n > categories {
            throw TensorError(.runtimeError, "cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        let outShape = dim == 2 ? [rows, n] : [n]
        let result = try Tensor(uninitialized: outShape, dtype: .int64)
        let out = result.storage.ints
        let probs = (0..<numel).map { scalar(atLogical: $0).doubleValue }
        if !replacement || n == 1 {
            try sampleByExponentials(probs, rows: rows, categories: categories, n: n, out: out, generator: generator)
        } else {
            try sampleWithReplacement(probs, rows: rows, categories: categories, n: n, out: out, generator: generator)
        }
        return result
    }

    private func sampleByExponentials(_ probs: [Double], rows: Int, categories: Int, n: Int,
                                      out: UnsafeMutablePointer<Int64>, generator: RandomGenerator) throws {
        guard probs.allSatisfy({ $0 >= 0 && $0 < .infinity }) else {
            throw TensorError(.runtimeError, "probability tensor contains either `inf`, `nan` or element < 0")
        }
        for r in 0..<rows {
            var sum = 0.0
            for c in 0..<categories { sum += probs[r * categories + c] }
            if sum == 0 { throw TensorError(.runtimeError, "invalid multinomial distribution (sum of probabilities <= 0)") }
        }
        // q ~ Exp(1) for every element (drawn in row-major order), then p / q in the input's dtype.
        let isFloat = dtype == .float32
        var keys = [Double](repeating: 0, count: probs.count)
        for i in 0..<probs.count {
            let e = -Glibc.log1p(-generator.uniformDouble())
            keys[i] = isFloat ? Double(Float(probs[i]) / Float(e)) : probs[i] / e
        }
        for r in 0..<rows {
            let row = keys[(r * categories)..<((r + 1) * categories)]
            // Largest first; equal keys keep the lower index first.
            let order = row.indices.sorted { a, b in row[a] != row[b] ? row[a] > row[b] : a < b }
            for j in 0..<n { out[r * n + j] = Int64(order[j] - r * categories) }
        }
    }

    private func sampleWithReplacement(_ probs: [Double], rows: Int, categories: Int, n: Int,
                                       out: UnsafeMutablePointer<Int64>, generator: RandomGenerator) throws {
        let isFloat = dtype == .float32
        var cumulative = [Double](repeating: 0, count: categories)
        for r in 0..<rows {
            var sum = 0.0, floatSum: Float = 0
            for c in 0..<categories {
                let v = probs[r * categories + c]
                guard v >= 0 else {
                    throw TensorError(.runtimeError, "invalid multinomial distribution (encountering probability entry < 0)")
                }
                guard v.isFinite else {
                    throw TensorError(.runtimeError, "invalid multinomial distribution (encountering probability entry = infinity or NaN)")
                }
                if isFloat { floatSum += Float(v); cumulative[c] = Double(floatSum) } else { sum += v; cumulative[c] = sum }
            }
            let total = isFloat ? Double(floatSum) : sum
            guard total > 0 else { throw TensorError(.runtimeError, "invalid multinomial distribution (sum of probabilities <= 0)") }
            for c in 0..<categories {
                cumulative[c] = isFloat ? Double(Float(cumulative[c]) / floatSum) : cumulative[c] / total
            }
            cumulative[categories - 1] = 1
            for j in 0..<n {
                let u = generator.uniformDouble()
                var left = 0, right = categories
                while right - left > 0 {
                    let mid = left + (right - left) / 2
                    if cumulative[mid] < u { left = mid + 1 } else { right = mid }
                }
                out[r * n + j] = Int64(left)
            }
        }
    }
}
