class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(CountDown(3)))
for v in CountDown(2):
    print("v", v)
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError("out")
        return i * 10
s = Seq(3)
print(list(s), len(s), s[1], 20 in s, list(reversed(s)), sum(s))
class Bag:
    def __init__(self, items): self.items = items
    def __iter__(self): return iter(self.items)
print(sorted(Bag([3, 1, 2])), max(Bag([4, 9])), list(enumerate(Bag("xy"))), dict(zip(Bag("ab"), Bag([1, 2]))))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))
d = {"a": 1, "b": 2}
keys = iter(d)
print(next(keys), list(keys))
a, b, c = CountDown(3)
print(a, b, c)
print(*[1, 2, 3], sep="-")
print(*"abc", end="!\n")
print("x", "y", sep="")
print()
print("done")
