a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-1], a[1::3], a[-3:], a[:100])
a.append(7); a.extend([8, 9]); a.insert(0, 0); a.insert(-1, 99); a.insert(100, 100)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(5), a.count(9), 4 in a, 42 in a)
b = sorted(a)
print(b, sorted(a, reverse=True), sorted(["bb", "a", "ccc"], key=len), sorted([(2, "b"), (1, "z"), (2, "a")]))
a.sort(); print(a)
a.sort(key=lambda v: -v); print(a)
a.reverse(); print(a)
c = a.copy(); c.clear(); print(c, a[:2])
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m, [1, 2] + [3], [0] * 4, [[1]] * 2)
s = list(range(10))
s[2:5] = ["x"]; print(s)
s[::2] = [0] * len(s[::2]); print(s)
del s[0]; del s[1:3]; print(s)
x, y, *rest = [1, 2, 3, 4, 5]
print(x, y, rest)
first, *middle, last = "abcde"
print(first, middle, last)
(p, q), r = (1, 2), 3
print(p, q, r)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] or "empty", [0] and "nonempty")
print(list(enumerate("ab", start=1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, "", "a"])))
print(list(reversed([1, 2, 3])), any([0, 0, 1]), all([1, 1, 0]), any([]), all([]))
nested = [[1, 2], [3], []]
print([v for row in nested for v in row], sum(len(r) for r in nested))
t = (1, 2, 3)
print(t, t[1:], t + (4,), t * 2, t.index(2), t.count(3), (1,), tuple("ab"), len(()), (1, 2) < (1, 3))
try:
    a[100]
except IndexError as e:
    print("IndexError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    a.remove(12345)
except ValueError as e:
    print("ValueError:", e)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z = [1, 2]
except ValueError as e:
    print("ValueError:", e)
lst = [1, 2]
lst += [3]
lst *= 2
print(lst)
