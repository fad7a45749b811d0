import math
import random
import time
import os
import os.path
import sys
from math import sqrt, pi as PI
from pathlib import Path
print(math.sqrt(16), math.exp(0), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000))
print(math.floor(-2.5), math.ceil(2.1), math.isnan(float("nan")), math.isinf(math.inf), math.fabs(-3))
print(math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), math.pow(2, 3))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 6), math.tanh(0), sqrt(2), PI, math.factorial(5))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
random.seed(42)
print(random.random(), random.random())
print(random.randint(1, 10), random.randint(1, 100), random.choice("abcdef"), random.randrange(10))
lst = list(range(10))
random.shuffle(lst)
print(lst)
print(round(random.uniform(1, 2), 10), random.sample(range(20), 4))
random.seed(0)
print(random.random(), round(random.gauss(0, 1), 12), random.getrandbits(8))
t0 = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - t0 >= 0.009, time.time() > 1e9)
print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y/z.py"), os.path.dirname("/x/y/z.py"), os.path.splitext("f.tar.gz"))
print("PATH" in os.environ, os.environ.get("KINDLING_SURELY_UNSET", "unset"), os.path.exists("/"), os.path.isdir("/"), os.path.isfile("/"))
p = Path("/tmp") / "sub" / "file.txt"
print(p, p.name, p.stem, p.suffix, p.parent, str(p.parent.parent), repr(Path("a/b")))
print(type(sys.argv).__name__, sys.maxsize > 2 ** 31)
try:
    import nonexistent_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import nope
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
