import itertools
from itertools import count, cycle, repeat, accumulate, chain, islice, product, permutations, combinations
from itertools import combinations_with_replacement, zip_longest, groupby, starmap, tee, takewhile, dropwhile
from itertools import compress, filterfalse, pairwise
import operator

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(0.5, 0.25), 3)))
c = count(3)
next(c)
print(c, repeat("a", 2), list(repeat(7, 3)))
print(list(islice(cycle("ab"), 5)), list(islice(repeat(1), 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([1, 2], initial=100)))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(islice("abcdefg", 2, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice([], 3)))
print(list(product("ab", [1, 2])), len(list(product(range(3), repeat=3))), list(product()))
print(list(permutations([1, 2, 3], 2)), len(list(permutations(range(4)))))
print(list(combinations("abcd", 2)), list(combinations(range(3), 0)), list(combinations(range(2), 3)))
print(list(combinations_with_replacement("ab", 2)))
print(list(zip_longest([1, 2, 3], "ab", fillvalue="-")), list(zip_longest()))
groups = [(k, list(g)) for k, g in groupby("aaabccaa")]
print(groups)
print([(k, len(list(g))) for k, g in groupby(sorted(["apple", "avocado", "bean", "beet", "corn"]), key=lambda w: w[0])])
print(list(starmap(pow, [(2, 3), (3, 2)])))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(filterfalse(lambda x: x % 2, range(6))))
print(list(pairwise([1, 2, 3, 4])), list(pairwise("a")))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
g = groupby([1, 1, 2])
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
print(type(count()).__name__, type(chain()).__name__)
for i, (x, y) in enumerate(product(range(2), range(2))):
    print(i, x, y, end="; ")
print()
print(list(itertools.islice(itertools.count(1), 0, 10, 3)))
