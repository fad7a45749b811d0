class AppError(Exception):
    pass
class DetailError(AppError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise DetailError(42, "detail")
    if n == 2:
        return {}["missing"]
    return n
for n in range(4):
    try:
        print("result", risky(n))
    except ValueError as e:
        print("ValueError", e, e.args)
    except AppError as e:
        print("AppError", type(e).__name__, e, e.code)
    except LookupError as e:
        print("LookupError", type(e).__name__, e)
    else:
        print("no error")
    finally:
        print("finally", n)
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("cleanup", i)
    return "done"
print(g())
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise
except KeyError as e:
    print("re-raised", repr(e))
try:
    raise TypeError
except TypeError as e:
    print("bare class", repr(e), str(e) == "")
try:
    raise RuntimeError("a", 1)
except RuntimeError as e:
    print(e, e.args)
err = None
try:
    int("x")
except (TypeError, ValueError) as e:
    err = e
print(type(err).__name__, err)
try:
    [1][5]
except Exception as e:
    print(type(e).__name__, isinstance(e, LookupError), isinstance(e, Exception), isinstance(e, BaseException))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(RecursionError, RuntimeError))
print(repr(ValueError("m")), str(KeyError("k")), repr(Exception()), str(Exception("a", "b")))
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
try:
    raise NotImplementedError("later")
except RuntimeError as e:
    print("caught as RuntimeError:", e)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    raise ValueError("first")
except ValueError:
    try:
        raise TypeError("second")
    except TypeError as e:
        print("context:", repr(e.__context__))
try:
    raise AppError("cause") from KeyError("k")
except AppError as e:
    print("cause:", repr(e.__cause__))
def final():
    risky(1)
final()
