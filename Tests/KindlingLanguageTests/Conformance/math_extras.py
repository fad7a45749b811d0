# math: perm, isqrt, lcm, cbrt, exp2, inverse hyperbolics, frexp/ldexp, ulp, nextafter, remainder, with CPython's errors
import math
print(math.perm(5), math.perm(5, 2), math.perm(3, 5), math.perm(0), math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(9223372036854775807))
print(math.lcm(), math.lcm(4, 6), math.lcm(-4, 6, 10), math.lcm(0, 5), math.cbrt(27.0), math.cbrt(-8), math.exp2(10), math.exp2(-1.5))
print(math.asinh(1.0), math.acosh(2.0), math.atanh(0.5), math.frexp(8.0), math.frexp(-0.1), math.frexp(0.0), math.frexp(1e308), math.frexp(5e-324))
print(math.ldexp(0.5, 4), math.ldexp(3.0, -2), math.ulp(1.0), math.ulp(1e10), math.ulp(0.0), math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-7.5, 2), math.remainder(5, math.inf))
for f, args in [(math.perm, (-1, 2)), (math.perm, (3, -1)), (math.isqrt, (-4,)), (math.acosh, (0.5,)), (math.atanh, (1.0,)),
                (math.remainder, (1.0, 0.0)), (math.ldexp, (1.0, 5000))]:
    try:
        f(*args)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
