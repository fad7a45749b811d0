# Starred unpacking in assignments, loops, calls and displays.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = 'abc'
print(init, tail)
(p, q), [r, *s] = (1, 2), [3, 4, 5]
print(p, q, r, s)
x = y = [0]
x += [1]
print(x, y, x is y)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
for h, *t in [(1, 2, 3), (4,)]:
    print(h, t)
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(1, *[2, 3], *(), k=1, **{'z': 2}, j=0))
def g(a, b, /, c, *, d=4):
    return a, b, c, d
print(g(1, 2, 3), g(1, 2, c=3, d=5))
print([*range(3), *'ab'], (*[1], 2), {*{1, 2}, 3} == {1, 2, 3}, {**{'a': 1}, 'b': 2, **{'a': 3}})
print(*[1, 2, 3], sep='-')
lst = [1, 2, 3, 4]
lst[1:3] = ['x']
print(lst)
del lst[0], lst[-1]
print(lst)
m, n = divmod(17, 5)
print(m, n)
class O:
    pass
obj = O()
obj.u, obj.w = 'u', 'w'
print(obj.u, obj.w)
i = 0
data = [0, 0, 0]
i, data[i] = 1, 9
print(i, data)
