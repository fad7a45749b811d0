# sys: version_info and float_info as CPython 3.11 gives them (Kindling claims 3.11.0)
import sys

v = sys.version_info
print(v[:2], v.major, v.minor, v.releaselevel, v >= (3, 8), v < (3, 12), tuple(v)[:2] == (3, 11), len(v))
print(sys.version.startswith('%d.%d.%d' % (v.major, v.minor, v.micro)), hex(sys.hexversion)[:6], sys.platform)
print(repr(v).split('micro')[0], sys.maxsize == 9223372036854775807)
f = sys.float_info
print(f.max, f.min, f.epsilon, f.dig, f.mant_dig, f.max_exp, f.min_exp, f.radix, f[0] == f.max)
print(repr(f))
major, minor, *rest = sys.version_info
print(major, minor, rest[1:])
