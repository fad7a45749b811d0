/// Parts of Swift-implemented standard modules written in Python, run in the module's namespace
/// when it is first imported: `functools.lru_cache`/`cache`/`wraps`/`update_wrapper`/
/// `total_ordering`, `random.choices`/`expovariate`/`normalvariate`/`triangular` (drawing from
/// the module's own `random()`, so streams match CPython's), `string.Template`.
extension Interpreter {
    func extend(_ module: PyModule, with source: String) throws -> PyModule {
        module["__builtins__"] = .object(builtinsModule)
        try onBigStack { try self.execute(source: source, filename: "<kindling \(module.name)>", in: module) }
        return module
    }
}

enum ModuleExtensions {
    static let functools = #"""
from collections import namedtuple as _namedtuple

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)
_CacheInfo = _namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        try:
            getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
        except AttributeError:
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    return key


_kwd_mark = ("<kwd_mark>",)


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        if key in cache:
            stats[0] += 1
            result = cache[key]
            if maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if maxsize is None or maxsize > 0:
            if key in cache:
                del cache[key]
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


_convert = {
    '__lt__': [('__gt__', lambda self, other: _not_op_and_not_eq(self.__lt__, self, other)),
               ('__le__', lambda self, other: _op_or_eq(self.__lt__, self, other)),
               ('__ge__', lambda self, other: _not_op(self.__lt__, other))],
    '__le__': [('__ge__', lambda self, other: _not_op_or_eq(self.__le__, self, other)),
               ('__lt__', lambda self, other: _op_and_not_eq(self.__le__, self, other)),
               ('__gt__', lambda self, other: _not_op(self.__le__, other))],
    '__gt__': [('__lt__', lambda self, other: _not_op_and_not_eq(self.__gt__, self, other)),
               ('__ge__', lambda self, other: _op_or_eq(self.__gt__, self, other)),
               ('__le__', lambda self, other: _not_op(self.__gt__, other))],
    '__ge__': [('__le__', lambda self, other: _not_op_or_eq(self.__ge__, self, other)),
               ('__gt__', lambda self, other: _op_and_not_eq(self.__ge__, self, other)),
               ('__lt__', lambda self, other: _not_op(self.__ge__, other))],
}


def _not_op(op, other):
    result = op(other)
    return result if result is NotImplemented else not result


def _op_or_eq(op, self, other):
    result = op(other)
    return result if result is NotImplemented else (result or self == other)


def _not_op_and_not_eq(op, self, other):
    result = op(other)
    return result if result is NotImplemented else (not result and self != other)


def _not_op_or_eq(op, self, other):
    result = op(other)
    return result if result is NotImplemented else (not result or self == other)


def _op_and_not_eq(op, self, other):
    result = op(other)
    return result if result is NotImplemented else (result and self != other)


def total_ordering(cls):
    roots = [op for op in ('__lt__', '__le__', '__gt__', '__ge__') if op in cls.__dict__]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, opfunc)
    return cls
"""#

    static let random = #"""
from math import log as _log, exp as _exp, sqrt as _sqrt, floor as _floor, isfinite as _isfinite
from itertools import accumulate as _accumulate
from bisect import bisect as _bisect

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)


def choices(population, weights=None, *, cum_weights=None, k=1):
    n = len(population)
    if cum_weights is None:
        if weights is None:
            n += 0.0
            return [population[_floor(random() * n)] for i in range(k)]
        try:
            cum_weights = list(_accumulate(weights))
        except TypeError:
            if not isinstance(weights, int):
                raise
            raise TypeError('The number of choices must be a keyword argument: k={}'.format(weights)) from None
    elif weights is not None:
        raise TypeError('Cannot specify both weights and cumulative weights')
    if len(cum_weights) != n:
        raise ValueError('The number of weights does not match the population')
    total = cum_weights[-1] + 0.0
    if total <= 0.0:
        raise ValueError('Total of weights must be greater than zero')
    if not _isfinite(total):
        raise ValueError('Total of weights must be finite')
    hi = n - 1
    return [population[_bisect(cum_weights, random() * total, 0, hi)] for i in range(k)]


def expovariate(lambd):
    return -_log(1.0 - random()) / lambd


def normalvariate(mu=0.0, sigma=1.0):
    while True:
        u1 = random()
        u2 = 1.0 - random()
        z = NV_MAGICCONST * (u1 - 0.5) / u2
        zz = z * z / 4.0
        if zz <= -_log(u2):
            break
    return mu + z * sigma


def triangular(low=0.0, high=1.0, mode=None):
    u = random()
    try:
        c = 0.5 if mode is None else (mode - low) / (high - low)
    except ZeroDivisionError:
        return low
    if u > c:
        u = 1.0 - u
        c = 1.0 - c
        low, high = high, low
    return low + (high - low) * _sqrt(u * c)
"""#

    static let string = #"""
class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _name_end(self, s, i):
        j = i
        while j < len(s) and (s[j] == '_' or s[j] in ascii_letters or s[j] in digits):
            j += 1
        if j > i and (s[i].isdigit()):
            return i
        return j

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _substitute(self, mapping, safe):
        s = self.template
        d = self.delimiter
        out = []
        i = 0
        while i < len(s):
            if not s.startswith(d, i):
                out.append(s[i])
                i += 1
                continue
            start = i
            i += len(d)
            if s.startswith(d, i):
                out.append(d)
                i += len(d)
                continue
            braced = i < len(s) and s[i] == '{'
            name_start = i + 1 if braced else i
            end = self._name_end(s, name_start)
            if end == name_start or (braced and (end >= len(s) or s[end] != '}')):
                if safe:
                    out.append(d)
                    continue
                self._invalid(start + len(d))
            name = s[name_start:end]
            close = end + 1 if braced else end
            if safe:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(s[start:close])
            else:
                out.append(str(mapping[name]))
            i = close
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        values = dict(mapping) if mapping is not None else {}
        values.update(kws)
        return self._substitute(values, False)

    def safe_substitute(self, mapping=None, /, **kws):
        values = dict(mapping) if mapping is not None else {}
        values.update(kws)
        return self._substitute(values, True)

    def get_identifiers(self):
        ids = []
        s = self.template
        d = self.delimiter
        i = 0
        while i < len(s):
            if s.startswith(d + d, i):
                i += 2 * len(d)
                continue
            if s.startswith(d, i):
                i += len(d)
                braced = i < len(s) and s[i] == '{'
                start = i + 1 if braced else i
                end = self._name_end(s, start)
                if end > start and (not braced or (end < len(s) and s[end] == '}')):
                    if s[start:end] not in ids:
                        ids.append(s[start:end])
                i = end
                continue
            i += 1
        return ids

    def is_valid(self):
        try:
            self._substitute({}, False)
        except KeyError:
            pass
        except ValueError:
            return False
        return True
"""#
}
