import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2.5, 1), operator.mul('ab', 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(4), operator.pos(-4), operator.invert(5), operator.not_(0), operator.truth([]))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(16, 2))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt('b', 'a'), operator.ge(1, 2))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.index(True))
d = {'a': 1}
operator.setitem(d, 'b', 2); print(d, operator.getitem(d, 'b'))
operator.delitem(d, 'a'); print(d)
print(operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
pairs = [(3, 'c'), (1, 'a'), (2, 'b')]
print(sorted(pairs, key=itemgetter(0)), sorted(pairs, key=itemgetter(1), reverse=True))
print(itemgetter(1)('xyz'), itemgetter(0, 2)('xyz'), itemgetter('k')({'k': 5}))
print(itemgetter(1), itemgetter(0, 2), attrgetter('real'), methodcaller('split', ','), methodcaller('x', 1, sep=2))
class P:
    def __init__(self, v): self.v = v; self.inner = self if v > 0 else None
print(attrgetter('v')(P(7)), attrgetter('v', 'inner.v')(P(3)), methodcaller('split', ',')('a,b'))
total = 1
for k in range(1, 6): total = operator.mul(total, k)
print(total, list(map(operator.neg, [1, -2])))
def err(f):
    try: f()
    except Exception as e: print(type(e).__name__ + ':', e)
err(lambda: operator.add(1))
err(lambda: operator.indexOf([1], 5))
err(lambda: itemgetter(5)([1]))
err(lambda: attrgetter('nope')(1))
err(lambda: operator.add(1, 'a'))
err(lambda: itemgetter())
