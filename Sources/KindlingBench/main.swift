// kindling-bench: the numbers behind Kindling's performance claims
// (`make bench`): matrix products in GFLOP/s per path, then the per-op
// overhead on the small tensors of the lesson's batch-size-5 training.
MatmulBench.run()
do {
    try OpBench.run()
} catch {
    print("op benchmark failed: \(error)")
}
