# Operator precedence and associativity, as CPython 3.11 parses them.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, -2 ** -2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 7 // 2 * 2, 7 % 4 * 3, 2 * 7 % 4)
print(10 - 3 - 2, 100 / 10 / 5, 2 ** 2 ** 0)
print(1 << 2 + 1, 1 | 2 ^ 3 & 4, (1 | 2) ^ 3, ~5 + 1, -~5, ~-5)
print(6 & 3 << 1, 6 >> 1 & 1, 5 ^ 1 | 8)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1.0 != 2)
x = [1, 2]
print(1 in x, 3 not in x, not 1 in x, x is x, x is not None, not x is None)
print(not True == False, (not True) == False)
print(True and False or True, True or False and False, not False and False)
print(0 or '' or [] or 'last', 1 and 'yes' and 0, None or 0)
print('a' if 0 else 'b' if 1 else 'c', ('a' if 1 else 'b') + '!')
f = lambda a, b=2: a * b if a else -b
print(f(3), f(0), f(2, b=5), (lambda: 7)())
print(1 + 2 if False else 3 * 4, [i ** 2 for i in range(4) if i % 2 == 0])
print(2 * -3, 2 ** -2 * 4, -3 * -3, - - 3, + - + 3)
print(1 if 2 > 1 and 3 > 2 else 0, not 1 + 1 == 3)
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(2 * 3 ** 2, (2 * 3) ** 2, 2 ** 3 * 2)
print(10 - 2 ** 3 // 3, 3 * 4 % 5 // 2)
t = 1, 2 + 3, 4 * 5
print(t, (1,), (), (1, 2) + (3,), 3 * (0,))
a = b = c = 5
a += b * 2
print(a, b, c)
