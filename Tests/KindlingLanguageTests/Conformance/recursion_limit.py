import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(60000)
print(sys.getrecursionlimit())

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(50000))

class Node:
    def __init__(self, parent=None):
        self.parent = parent

def chain(n):
    node = Node()
    for _ in range(n):
        node = Node(node)
    return node

def build_topo(v, seen, order):
    if v not in seen:
        seen.add(v)
        if v.parent is not None:
            build_topo(v.parent, seen, order)
        order.append(v)
    return order

print(len(build_topo(chain(20000), set(), [])))
sys.setrecursionlimit(300)
try:
    depth(1000)
except RecursionError as e:
    print("RecursionError", str(e).startswith("maximum recursion depth exceeded"))
print(depth(100))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
