print("kindling-bench: under construction")
