/// Draws PyTorch's data loading makes on a generator.
extension RandomGenerator {
    /// `torch.empty((), dtype=torch.int64).random_()`: 64 random bits folded
    /// into [0, 2^63), as the DataLoader draws its seeds.
    public func nextInt64Seed() -> UInt64 { next64() % (1 << 63) }

    /// `torch.randperm(n, generator=self).tolist()`: PyTorch's CPU shuffle
    /// (one 32-bit draw per position, swapping forward).
    public func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<max(0, n))
        if n > 1 {
            for i in 0..<(n - 1) {
                let z = Int(UInt64(next32()) % UInt64(n - i))
                p.swapAt(i, z + i)
            }
        }
        return p
    }
}
