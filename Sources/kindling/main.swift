print("kindling: under construction")
