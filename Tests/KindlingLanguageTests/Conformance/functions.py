def greet(name, greeting="Hello", *, punct="!"):
    """Say hello."""
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
print(greet.__name__, greet.__doc__)
def varargs(*args, **kwargs):
    return args, sorted(kwargs.items())
print(varargs(), varargs(1, 2, a=3), varargs(*[1, 2], **{"k": "v"}))
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
square = lambda x: x * x
print(square(7), (lambda *a: sum(a))(1, 2, 3), list(map(lambda p: p[0], [(1, 2), (3, 4)])))
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(10), make_adder(1)(1))
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
c(); c(5)
print(c())
total = 0
def add_global(v):
    global total
    total += v
add_global(3); add_global(4)
print(total)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))
def apply(f, *args, **kw):
    return f(*args, **kw)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True))
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns2 = [lambda i=i: i for i in range(3)]
print([f() for f in fns2])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, b=2, c=10))
for bad in ["kwonly(1)", "kwonly(1, 2)", "greet()", "greet('a', z=1)", "greet('a', name='b')", "square(1, 2)"]:
    try:
        if bad == "kwonly(1)": kwonly(1)
        elif bad == "kwonly(1, 2)": kwonly(1, 2)
        elif bad == "greet()": greet()
        elif bad == "greet('a', z=1)": greet('a', z=1)
        elif bad == "greet('a', name='b')": greet('a', name='b')
        else: square(1, 2)
    except TypeError as e:
        print("TypeError:", e)
def early(v):
    for i in range(10):
        if i == v:
            return i * 10
    return -1
print(early(3), early(20), (lambda: None)())
def shadow():
    x = 1
    def f():
        return x + 1
    x = 10
    return f()
print(shadow())
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(callable(greet), callable(3), sum(map(square, range(4))))
