# Integer and float arithmetic with Python's rules.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(2 ** 10, 2 ** -2, (-2) ** 3, 2.0 ** 0.5, 10 ** 0)
print(1 / 3, 2 / 2, 10 / 4, -1 / 3)
print(0.1 + 0.2, 1e-5, 1e16, 1e15, 123456789.123, 1.5e300 * 1e10, -0.0)
print(float('inf'), float('-inf'), float('nan'), 1e308 * 10)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(abs(-3), abs(-2.5), abs(True))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.2345, 3), round(1234, -2), round(1250, -2))
print(round(0.125, 2), round(0.375, 2), round(-1.5), round(7.0), type(round(7.0)))
print(int(3.9), int(-3.9), int("42"), int("-17"), int(" 12 "), int("ff", 16), int("0b101", 0), int(True))
print(float("1.5"), float(" -2 "), float(3), float("1e3"), float("inf"))
print(True + True, True * 3, False - 1, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -9 >> 1)
print(3 == 3.0, 1 == True, 0.5 < 1 < 2, 2 < 1 < 3, 1 != 1.0)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7) if False else pow(3, 4, 7))
print(max(3, 7, 5), min(2.5, 1), sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2], 10))
print(10 / 3 * 3, 1e-7, 0.000123, 100.0, 1e22, 12345678901234567890.0)
print(hash(1) == hash(1.0), hash(True), 3 .bit_length(), (255).bit_length())
x = 5
x += 3; x -= 1; x *= 2; x //= 3; x **= 2; x %= 7
print(x)
y = 2.5
y /= 2
print(y, 5 // 0.5, 2 ** 0.5 * 2 ** 0.5)
for e in ["1/0", "1//0", "1%0", "1.0/0", "1.0%0", "0.0**-1", "int('abc')", "float('x')", "int(float('nan'))"]:
    try:
        eval_ok = None
        if e == "1/0": 1 / 0
        elif e == "1//0": 1 // 0
        elif e == "1%0": 1 % 0
        elif e == "1.0/0": 1.0 / 0
        elif e == "1.0%0": 1.0 % 0
        elif e == "0.0**-1": 0.0 ** -1
        elif e == "int('abc')": int('abc')
        elif e == "float('x')": float('x')
        else: int(float('nan'))
    except (ZeroDivisionError, ValueError) as err:
        print(e, type(err).__name__, err)
