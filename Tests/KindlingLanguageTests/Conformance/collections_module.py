from collections import defaultdict, Counter, OrderedDict, deque, namedtuple
import collections

d = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    d[word[0]].append(word)
print(d)
print(dict(d), d["z"], len(d), isinstance(d, dict))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)

c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["z"], c.total(), sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"b": 5})
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(Counter(), Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), list(Counter("hello").keys()))
words = ["x", "y", "x", "z", "y", "x"]
print(Counter(words).most_common(), Counter(words).most_common(1)[0][0])

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od))
od.move_to_end("c", last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([(1, 2)]) == OrderedDict([(1, 2)]), isinstance(od, dict))

q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, q.popleft(), q.pop(), q, len(q), q[0], q[-1], 2 in q)
q.rotate(1)
print(q)
q.rotate(-2)
print(q)
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
print(window, list(window), window.maxlen, sum(window))
q.extendleft([10, 11])
print(q, q.count(10), q.index(11))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p == (1, 2), isinstance(p, tuple), len(p))
x, y = p
print(x + y, p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]))
Color = namedtuple("Color", "red green blue", defaults=[0, 255])
print(Color(1), Color._field_defaults, hash(Color(1, 2, 3)) == hash((1, 2, 3)))
class Vec(namedtuple("Vec", "x y")):
    def norm2(self):
        return self.x * self.x + self.y * self.y
v = Vec(3, 4)
print(v, v.norm2(), sorted([Point(2, 1), Point(1, 5)]))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", "x x")
except ValueError as e:
    print("ValueError:", e)
print(type(p).__name__, collections.namedtuple is namedtuple)
