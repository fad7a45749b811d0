// kindling-bench: the numbers behind Kindling's performance claims
// (`make bench`). Matrix products in GFLOP/s per path.
MatmulBench.run()
