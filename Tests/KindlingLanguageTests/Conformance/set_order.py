print({3, 1, 2}, {10, 5, 100, 7, 3}, set([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]))
print({-1, -5, 3, 1000, 17, 8, 16, 24}, {True, 0, 2})
s = set()
for v in [40, 12, 7, 99, 1024, 3, 64, 33, 8, 21, 13]:
    s.add(v)
print(s, list(s), sorted(s) == list(sorted(s)))
print({x * 7 % 50 for x in range(20)})
print(set(range(30, 0, -3)), frozenset([5, 3, 9]))
print({2 ** 40, 2 ** 33, 5, 2 ** 20 + 1})
