# statistics: CPython's exactly rounded means and variances, medians, modes, quantiles, errors
import statistics as st
import random
random.seed(3)
data = [random.random() * 10 for _ in range(50)]
ints = [random.randint(-50, 50) for _ in range(31)]
for d in [data, ints, [1, 2, 3, 4], [1, 3, 5], [2.5, 3.25, 5.5, 11.25, 0.1], [1e20, 1.0, -1e20], [0.1, 0.2, 0.3], [True, False, True], [1, 2.5, 4]]:
    print(st.mean(d), st.fmean(d), st.median(d), st.median_low(d), st.median_high(d))
    print(st.variance(d), st.pvariance(d), st.stdev(d), st.pstdev(d))
    print(st.quantiles(d), st.quantiles(d, n=10, method='inclusive'))
print(st.variance(data, st.mean(data)), st.pstdev(ints, 2), st.variance([1, 2, 3], 2))
print(st.mode([1, 2, 2, 3, 3]), st.mode("abracadabra"), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
print(st.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]))
for f, arg in [(st.mean, []), (st.variance, [1]), (st.stdev, []), (st.pvariance, []), (st.median, []), (st.mode, []), (st.fmean, []), (st.quantiles, [1])]:
    try:
        f(arg)
    except st.StatisticsError as e:
        print(type(e).__name__, e)
try:
    st.mean(["a", "b"])
except TypeError as e:
    print("TypeError", e)
print(st.StatisticsError.__mro__[1].__name__, repr(st.StatisticsError("x")))
