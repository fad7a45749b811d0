// kindling-bench: the numbers behind Kindling's performance claims
// (`make bench`): matrix products in GFLOP/s per path, then the per-op
// overhead on the small tensors of the lesson's batch-size-5 training.
// Arguments pick sections: `matmul`, `ops` (default: both), `methods`
// (the AVX2 kernel methods side by side), `split` (one against two threads); other words
// filter the op cases by name (`kindling-bench ops mask`).
let arguments = Array(CommandLine.arguments.dropFirst())
let sections = Set(arguments).intersection(["matmul", "methods", "split", "ops"])
if sections.contains("methods") {
    KernelMethodBench.run()
}
if sections.contains("split") {
    SplitBench.run()
}
if sections.isEmpty || sections.contains("matmul") {
    MatmulBench.run()
}
if sections.isEmpty || sections.contains("ops") {
    do {
        try OpBench.run(filters: arguments.filter { !["matmul", "methods", "split", "ops"].contains($0) })
    } catch {
        print("op benchmark failed: \(error)")
    }
}
