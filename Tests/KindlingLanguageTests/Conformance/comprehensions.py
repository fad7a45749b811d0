print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print({c: ord(c) for c in "abc"}, {n % 4 for n in range(10)} == {0, 1, 2, 3})
g = (x * 2 for x in range(4))
print(next(g), next(g), list(g), list(g))
print(sum(i for i in range(101)), max(len(w) for w in "a bb ccc".split()), sorted(x % 3 for x in range(7)))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]), tuple(c.upper() for c in "hi"))
x = "outer"
print([x for x in "ab"], x)
words = ["apple", "Banana", "cherry"]
print(sorted(words, key=lambda w: w.lower()), [w[0] for w in words if len(w) > 5])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [v for row in matrix for v in row if v % 2])
def evens(limit):
    return [n for n in range(limit) if n % 2 == 0]
print(evens(9))
k = 10
print([k + i for i in range(3)], (lambda: [k * i for i in range(2)])())
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))
pairs = list(enumerate(zip("ab", [10, 20])))
print(pairs, [(i, c, n) for i, (c, n) in pairs])
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(lambda v: v > 1, [0, 1, 2, 3])))
squares = {n: n * n for n in range(4)}
print(squares, {v: k for k, v in squares.items()})
print(sorted(((b, a) for a, b in {"x": 2, "y": 1}.items())))
gen = (i for i in range(3))
for v in gen:
    print("gen", v)
