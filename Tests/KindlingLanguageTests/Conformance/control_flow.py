for i in range(3):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(5):
    if i == 1:
        continue
    if i == 3:
        break
    print("i", i)
else:
    print("not printed")
for i in range(2):
    pass
else:
    print("for-else ran")
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
else:
    print("no")
print("n", n)
while False:
    pass
else:
    print("while-else ran")
x = 7
if x < 5:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
print("yes" if x else "no", x > 5 and "big" or "small", None or 0 or "last", 1 and 2 and 3)
total = 0
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    total += i * (a + b)
print(total)
for k in {"a": 1, "b": 2}:
    print(k)
for ch in "hi":
    print(ch * 2)
outer = 0
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        outer += 1
print(outer)
r = range(2, 20, 3)
print(r, list(r), len(r), r[1], r[-1], 5 in r, 6 in r, list(range(5)[1:3]), list(range(0)))
i = 0
while True:
    i += 1
    if i > 100:
        break
print(i)
def classify(v):
    if v is None:
        return "none"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    return "other"
print([classify(v) for v in [None, True, 3, 2.5, "s"]])
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2, "custom message"
except AssertionError as e:
    print("AssertionError:", e)
