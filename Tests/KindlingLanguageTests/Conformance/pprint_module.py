# pprint: CPython's layout of nested dicts, lists, tuples, sets and long strings
import pprint
d = {'zeta': list(range(30)), 'alpha': {'nested': [1.5, 'two', (3, 4)], 'b': None}, 'mid': ('x' * 30, 'y' * 30, 'z' * 30),
     'set': {5, 3, 1}, 'short': 1, 'text': 'lorem ipsum dolor sit amet ' * 5}
pprint.pprint(d)
pprint.pprint(d, width=40)
pprint.pprint(d, indent=4, width=60, sort_dicts=False)
pprint.pprint(d, depth=1)
pprint.pprint(list(range(40)), compact=True)
pprint.pprint([list(range(12))] * 4, width=30)
print(pprint.pformat({'b': 1, 'a': 2}), pprint.pformat((1,)), pprint.pformat([]), pprint.saferepr({'b': [1, 2], 'a': 0}))
pprint.pp({'b': 1, 'a': [1] * 40})
r = [1, 2]
r.append(r)
print(pprint.pformat(r).split(' with id')[0], pprint.isrecursive(r), pprint.isreadable([1, 'a']))
pprint.pprint([{'name': 'n%d' % i, 'value': i * 1.25, 'tags': ['a', 'b']} for i in range(4)])
pprint.pprint(frozenset(range(30)))
pprint.pprint({'k': 'a very long string that will certainly need to be wrapped because it is longer than eighty characters'})
pprint.PrettyPrinter(width=20).pprint(['aaaa', 'bbbb', 'cccc', 'dddd'])
print(pprint.pformat({(1, 2): 'x', (0, 5): 'y'}), pprint.pformat({1: 'a', 'b': 2}))
