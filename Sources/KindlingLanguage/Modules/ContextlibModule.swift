/// CPython's `contextlib`: `contextmanager` (on a generator), `suppress`, `nullcontext`,
/// `closing`, `ExitStack`.
/// Written in Python (run by Kindling when first imported).
enum ContextlibModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("contextlib", source: source)
    }

    static let source = #"""
class _GeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds

    def __call__(self, func):
        def inner(*args, **kwds):
            with _GeneratorContextManager(self.func, self.args, self.kwds):
                return func(*args, **kwds)
        return inner

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class closing:
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class ExitStack:
    def __init__(self):
        self._callbacks = []

    def __enter__(self):
        return self

    def enter_context(self, cm):
        result = type(cm).__enter__(cm)
        self._callbacks.append(lambda *exc: type(cm).__exit__(cm, *exc))
        return result

    def callback(self, func, *args, **kwds):
        self._callbacks.append(lambda *exc: func(*args, **kwds))
        return func

    def push(self, exit):
        self._callbacks.append(exit)
        return exit

    def close(self):
        self.__exit__(None, None, None)

    def __exit__(self, typ, value, tb):
        suppressed = False
        pending = value
        while self._callbacks:
            cb = self._callbacks.pop()
            try:
                if pending is None:
                    cb(None, None, None)
                elif cb(type(pending), pending, None):
                    suppressed = True
                    pending = None
            except BaseException as exc:
                pending = exc
        if pending is not None and pending is not value:
            raise pending
        return suppressed or (value is not None and pending is None)
"""#
}
