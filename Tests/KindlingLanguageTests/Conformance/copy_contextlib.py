import copy
from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack
import heapq
import bisect

a = [[1, 2], {"k": [3]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(9)
a[1]["k"].append(4)
print(b, c, b[0] is a[0], c[0] is a[0])

class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __repr__(self):
        return f"Node({self.value}, {self.children})"

tree = Node(1, [Node(2), Node(3)])
clone = copy.deepcopy(tree)
tree.children[0].value = 20
print(tree, clone, copy.copy(tree).children is tree.children)
shared = [1]
pair = [shared, shared]
deep = copy.deepcopy(pair)
print(deep[0] is deep[1], deep[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0])

class Custom:
    def __init__(self):
        self.log = []
    def __deepcopy__(self, memo):
        print("deepcopy called", type(memo).__name__)
        return "custom copy"
    def __copy__(self):
        return "shallow custom"
print(copy.deepcopy(Custom()), copy.copy(Custom()), copy.deepcopy((1, "a", None)))

@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")

with tag("b") as t:
    print("inside", t)

try:
    with tag("i"):
        raise ValueError("inner")
except ValueError as e:
    print("propagated", e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", e)

with swallow():
    raise KeyError("k")
print("after swallow")

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with nullcontext(5) as v:
    print("null", v)

class Resource:
    def close(self):
        print("closed")
with closing(Resource()):
    print("using")

with ExitStack() as stack:
    for n in ["x", "y"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback")
    print("stack body")

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
data = [7, 2, 9, 4, 1]
heapq.heapify(data)
print(data, heapq.nlargest(2, [3, 1, 4, 1, 5]), heapq.nsmallest(3, [3, 1, 4, 1, 5]))
print(heapq.heappushpop([1, 5], 3), list(heapq.merge([1, 4, 7], [2, 5], [3])))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
print([heapq.heappop(tasks) for _ in range(2)])

s = [1, 3, 3, 5]
print(bisect.bisect(s, 3), bisect.bisect_left(s, 3), bisect.bisect_right(s, 4))
bisect.insort(s, 4)
print(s, bisect.bisect_left([(1, "a"), (3, "b")], (2,)))
