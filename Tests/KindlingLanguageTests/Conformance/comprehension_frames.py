def safe(values):
    return [10 / v for v in values]
print(safe([1, 2, 5]))
try:
    {k: 1 / k for k in [1, 0]}
except ZeroDivisionError as e:
    print("dictcomp:", e)
print(sum(1 / v for v in [1, 2, 4]))
def bad():
    return list(v.upper() for v in ["a", 1])
try:
    bad()
except AttributeError as e:
    print("genexpr:", e)
safe([3, 0])
