# Statement forms: one-line blocks, semicolons, continuation, loops with else, try/finally flow.
x = 1; y = 2; z = x + \
    y
print(x, y, z)
if x: print('one-line if')
for i in range(3): pass
print(i)
while False: pass
else: print('while-else')
for n in range(2, 10):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, 'is prime')
k = 0
while k < 5:
    k += 1
    if k == 2:
        continue
    if k == 4:
        break
    print('k', k)
else:
    print('not reached')
def flow():
    try:
        return 'try'
    finally:
        print('finally runs')
print(flow())
def loop_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('cleanup', i)
    return i
print(loop_finally())
try:
    pass
except Exception:
    print('no')
else:
    print('else branch')
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def make():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
adder = make()
adder(3)
print(adder(4))
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f'Point({self.x}, {self.y})'
print(Point(1, 2), Point.__doc__, Point.dims)
def documented():
    """Docstring here."""
print(documented.__doc__, documented())
values = [
    1,  # comment inside brackets

    2,
]
print(values)
if (x == 1 and
        y == 2):
    print('implicit join in condition')
assert x == 1, 'message'
try:
    assert x == 2, f'x is {x}'
except AssertionError as e:
    print('AssertionError:', e)
del x
try:
    print(x)
except NameError as e:
    print(e)
