# printf-style formatting: str % values.
print("%d items" % 5, "%i|%u" % (3, 4), "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.3d|%8.3d|%-8.3d|" % (7, -7, 7))
print("%s and %r" % ("text", "text"), "%s" % [1, "a"], "%s" % (("t",),), "%10s|%-10s|%.2s" % ("ab", "cd", "efgh"))
print("%f|%.2f|%10.3f|%-10.1f|%+.1f|%010.2f" % (3.14159, 3.14159, -3.14159, 2.5, 2.5, -1.5))
print("%e|%.3E|%g|%G|%.3g|%#.3g|%g" % (12345.678, 0.000123, 0.0001, 1e-20, 1234567.0, 1.0, 100000.0))
print("%x|%X|%#x|%o|%#o|%08x" % (255, 255, 255, 8, 8, 3054))
print("%c%c|%5c|" % (72, "i", "z"), "100%%" % (), "%d%%" % 50)
print("%(name)s is %(age)d years, %(name)r" % {"name": "Ada", "age": 36})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("%d %s" % (True, False), "%d" % 3.99, "%d" % -3.99, "%f" % 2, "%.1f" % True)
print("%s" % None, "%s %s" % (None, 1.5), "%r" % 1.1, "%.3s" % 3.14159)
print("%f %f %f" % (float("inf"), float("-inf"), float("nan")), "%e" % 0.0, "%g" % -0.0)
class Num:
    def __float__(self): return 2.5
    def __int__(self): return 7
    def __index__(self): return 7
    def __str__(self): return "Num!"
    def __repr__(self): return "Num()"
print("%.2f %d %x %s %r" % (Num(), Num(), Num(), Num(), Num()))
s = "%d-%d"
s %= (1, 2)
print(s, "a%sb" % "" , "%s" % {"k": 1}, "no args" % {})
for fmt, args in [("%d", "x"), ("%x", 1.5), ("%f", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%", ()), ("%(a)s", (1,)),
                  ("%y", 1), ("%c", "ab"), ("%c", -1), ("%(a", {"a": 1}), ("%(b)s", {"a": 1}), ("abc", 5)]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__ + ":", e)
