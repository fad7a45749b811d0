/// Collating a DataLoader batch fast: `torch.stack` of items picked by index
/// from a fixed list of same-shaped contiguous tensors, without per-item
/// Tensor work. The item addresses are computed once; a batch is one fresh
/// tensor filled by a tight copy loop. Results are identical to
/// `Tensor.stack(indices.map { items[$0] })`.
public final class RowGather {
    /// The items, kept so their storages (and so `addresses`) stay alive.
    public let items: [Tensor]
    private var plan: Plan?
    private var planEpoch = -1
    /// The next batch, being copied ahead on the second core (`prefetch`).
    private var pending: Pending?

    private struct Plan {
        let itemShape: [Int]
        let dtype: DType
        let itemBytes: Int
        let addresses: [UnsafeRawPointer]
        /// The distinct storages behind the items (nil when there are many):
        /// a prefetched batch is used only if none was written since.
        let storages: [Storage]?
    }

    private struct Pending {
        let indices: [Int]
        let out: Tensor
        let job: BackgroundJob
        let plan: Plan
        let epoch: Int
        let versions: [Int]
    }

    public init(_ items: [Tensor]) {
        self.items = items
    }

    deinit {
        if let pending { GemmWorker.shared.finish(pending.job) }
    }

    /// `stack([items[i] for i in indices])`: a fresh contiguous tensor.
    /// Throws IndexError for an index outside the list, as indexing it would.
    public func stack(_ indices: [Int]) throws -> Tensor {
        if let ahead = takePrefetched(indices) { return ahead }
        for i in indices where i < 0 || i >= items.count {
            throw TensorError(.indexError, "list index out of range")
        }
        guard let plan = currentPlan(for: indices), !indices.isEmpty else {
            return try Tensor.stack(indices.map { items[$0] }, dim: 0)
        }
        let out = try Tensor.empty([indices.count] + plan.itemShape, plan.dtype)
        let dst = UnsafeMutableRawPointer(out.storage.raw)
        let addresses = plan.addresses, itemBytes = plan.itemBytes, n = indices.count
        // Rows picked at random from a big dataset are bound by memory
        // latency, so a large batch is copied in parts shared with the
        // product worker on the second core (it claims what it can; the
        // caller copies the rest).
        let parts = n * itemBytes >= RowGather.parallelBytes && n >= 16 ? 8 : 1
        let copyPart: (Int) -> Void = { part in
            let lo = n * part / parts, hi = n * (part + 1) / parts
            addresses.withUnsafeBufferPointer { addrs in
                indices.withUnsafeBufferPointer { idx in
                    RowGather.copyRows(addrs, UnsafeBufferPointer(rebasing: idx[lo..<hi]), itemBytes: itemBytes,
                                       into: dst + lo * itemBytes)
                }
            }
        }
        if parts > 1 { GemmWorker.shared.run(parts: parts, copyPart) } else { copyPart(0) }
        return out
    }

    /// Batches of at least this many bytes are copied on both cores.
    static let parallelBytes = 128 << 10

    /// Starts copying the batch `indices` on the product worker while the
    /// caller goes on (a DataLoader asks for its next batch while the step
    /// on the current one runs); `stack` of the same indices then returns it
    /// if no item changed identity and no item's storage was written since,
    /// and copies anew otherwise, so the result is always what `stack` would
    /// give at that moment. Only batches of at least `parallelBytes` whose
    /// items live in a few storages are copied ahead; anything else is left
    /// to `stack`.
    public func prefetch(_ indices: [Int]) {
        discardPrefetched()
        guard !indices.isEmpty, indices.allSatisfy({ $0 >= 0 && $0 < items.count }),
              let plan = currentPlan(for: indices), let storages = plan.storages,
              indices.count * plan.itemBytes >= RowGather.parallelBytes,
              let out = try? Tensor.empty([indices.count] + plan.itemShape, plan.dtype) else { return }
        let addresses = plan.addresses, itemBytes = plan.itemBytes, n = indices.count
        let dst = UnsafeMutableRawPointer(out.storage.raw)
        let parts = 16
        // The closure keeps `out` and the source storages alive, so the worker
        // never touches freed memory even if this gather goes away first.
        let body: (Int) -> Void = { part in
            withExtendedLifetime((out, storages)) {
                let lo = n * part / parts, hi = n * (part + 1) / parts
                guard lo < hi else { return }
                addresses.withUnsafeBufferPointer { addrs in
                    indices.withUnsafeBufferPointer { idx in
                        RowGather.copyRows(addrs, UnsafeBufferPointer(rebasing: idx[lo..<hi]), itemBytes: itemBytes,
                                           into: dst + lo * itemBytes)
                    }
                }
            }
        }
        guard let job = GemmWorker.shared.post(parts: parts, body) else { return }
        pending = Pending(indices: indices, out: out, job: job, plan: plan, epoch: Tensor.identityEpoch,
                          versions: storages.map { $0.version })
    }

    /// The prefetched batch when it is for `indices` and still valid; any
    /// prefetched batch is finished and dropped either way.
    private func takePrefetched(_ indices: [Int]) -> Tensor? {
        guard let ahead = pending else { return nil }
        pending = nil
        GemmWorker.shared.finish(ahead.job)
        guard ahead.indices == indices, let storages = ahead.plan.storages,
              zip(storages, ahead.versions).allSatisfy({ $0.version == $1 }) else { return nil }
        if Tensor.identityEpoch != ahead.epoch,
           !indices.allSatisfy({ RowGather.matches(items[$0], ahead.plan, at: $0) }) { return nil }
        return ahead.out
    }

    private func discardPrefetched() {
        if let ahead = pending {
            pending = nil
            GemmWorker.shared.finish(ahead.job)
        }
    }

    /// The plan when the fast path applies now: every item contiguous, of one
    /// shape and dtype, and none tracked by autograd (stack would record a
    /// node). Some tensor changed identity since the plan was made when
    /// `Tensor.identityEpoch` moved (`.data =`, `requires_grad_`, tracked
    /// in-place ops): then the picked items are checked against the plan
    /// (cheap), and the plan is rebuilt only when one of them changed.
    private func currentPlan(for indices: [Int]) -> Plan? {
        let epoch = Tensor.identityEpoch
        if epoch == planEpoch { return plan }
        if let plan, indices.allSatisfy({ RowGather.matches(items[$0], plan, at: $0) }) { return plan }
        plan = RowGather.makePlan(items)
        planEpoch = epoch
        return plan
    }

    /// Items spread over more storages than this are not copied ahead.
    private static let maxTrackedStorages = 4

    /// Whether item `i` still is what the plan recorded.
    private static func matches(_ t: Tensor, _ plan: Plan, at i: Int) -> Bool {
        t.isContiguous && t.dtype == plan.dtype && !t.requiresGrad && t.shape == plan.itemShape
            && UnsafeRawPointer(t.storage.raw) + t.storageOffset * plan.dtype.itemSize == plan.addresses[i]
    }

    private static func makePlan(_ items: [Tensor]) -> Plan? {
        guard let first = items.first, first.numel > 0 else { return nil }
        let shape = first.shape, dtype = first.dtype
        var addresses: [UnsafeRawPointer] = []
        addresses.reserveCapacity(items.count)
        var storages: [Storage]? = []
        for t in items {
            guard t.isContiguous, t.dtype == dtype, t.shape == shape, !t.requiresGrad else { return nil }
            addresses.append(UnsafeRawPointer(t.storage.raw) + t.storageOffset * dtype.itemSize)
            if let known = storages, !known.contains(where: { $0 === t.storage }) {
                storages = known.count < maxTrackedStorages ? known + [t.storage] : nil
            }
        }
        return Plan(itemShape: shape, dtype: dtype, itemBytes: first.numel * dtype.itemSize, addresses: addresses,
                    storages: storages)
    }

    /// Copies `addrs[idx[k]]` (itemBytes each) to row k of `dst`. Large rows
    /// are copied four at a time, 64 bytes from each in turn, so the random
    /// source rows' cache misses overlap instead of queueing one row at a time.
    static func copyRows(_ addrs: UnsafeBufferPointer<UnsafeRawPointer>, _ idx: UnsafeBufferPointer<Int>,
                         itemBytes: Int, into dst: UnsafeMutableRawPointer) {
        let n = idx.count
        switch itemBytes {
        case 8:
            let d = dst.assumingMemoryBound(to: UInt64.self)
            for k in 0..<n { d[k] = addrs[idx[k]].loadUnaligned(as: UInt64.self) }
        case 4:
            let d = dst.assumingMemoryBound(to: UInt32.self)
            for k in 0..<n { d[k] = addrs[idx[k]].loadUnaligned(as: UInt32.self) }
        case ..<256:
            for k in 0..<n { (dst + k * itemBytes).copyMemory(from: addrs[idx[k]], byteCount: itemBytes) }
        default:
            let group = 4
            var k = 0
            while k < n {
                let g = min(group, n - k)
                var off = 0
                while off + 64 <= itemBytes {
                    for r in 0..<g {
                        let v = (addrs[idx[k + r]] + off).loadUnaligned(as: SIMD16<Float>.self)
                        (dst + (k + r) * itemBytes + off).storeBytes(of: v, as: SIMD16<Float>.self)
                    }
                    off += 64
                }
                if off < itemBytes {
                    for r in 0..<g {
                        (dst + (k + r) * itemBytes + off).copyMemory(from: addrs[idx[k + r]] + off, byteCount: itemBytes - off)
                    }
                }
                k += g
            }
        }
    }
}

extension Tensor {
    /// Bumped whenever an existing tensor changes storage, shape or whether
    /// it is tracked (`.data =`, `requires_grad_`, tracked in-place ops), so
    /// caches of tensor addresses (`RowGather`) know to rebuild. Kept behind
    /// a pointer: a plain global var costs a dynamic exclusivity check.
    nonisolated(unsafe) private static let identityCounter: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    public static var identityEpoch: Int { identityCounter.pointee }

    @inline(__always) static func identityChanged() { identityCounter.pointee &+= 1 }
}
