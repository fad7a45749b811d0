/// CPython 3.11's `enum`: `Enum`, `IntEnum`, `Flag`, `IntFlag`, `auto`, `unique`, the functional
/// form `Enum('Name', 'A B C')`. Written in Python; what CPython's metaclass `EnumType` does
/// (`Color(1)`, `Color['RED']`, `list(Color)`, `len`, `in`, `<enum 'Color'>`, turning the class
/// body's values into members) comes from class hooks (`PyClass.classHooks`). Members of
/// `IntEnum`/`IntFlag` behave as their int values do but are not `int` instances, and mixins
/// with other builtin types (`class S(str, Enum)`) are refused, as subclassing `str` is.
enum EnumModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("enum", source: source) { m in
            m.define("_install_hooks") { a in
                guard let cls = try a[0].as(PyClass.self), case .object(let hooks) = try a[1] else { return .none }
                cls.classHooks = hooks
                return .none
            }
            m.define("_class_items") { a in
                guard let cls = try a[0].as(PyClass.self) else { return .object(PyList([])) }
                return .object(PyList(cls.dict.items.map { .object(PyTuple([.str($0.0), $0.1])) }))
            }
            m.define("_set_class_attr") { a in
                guard let cls = try a[0].as(PyClass.self) else { return .none }
                cls.setAttribute(try a[1].asString(), try a[2])
                return .none
            }
            m.define("_new_member") { a in
                guard let cls = try a[0].as(PyClass.self) else { return .none }
                return .object(PyObject(pyClass: cls, hasAttributes: true))
            }
            m.define("_is_descriptor") { a in
                guard case .object(let o) = try a[0] else { return .bool(false) }
                return .bool(o is PyFunction || o is NativeFunction || o is MethodWrapper || o is PyProperty)
            }
            m.define("_custom_init") { a in
                guard let cls = try a[0].as(PyClass.self), let f = cls.lookup("__init__"), !Runtime.isObjectInit(f) else { return .none }
                return f
            }
            m.define("_make_class") { a in
                let name = try a[0].asString()
                guard let base = try a[1].as(PyClass.self) else { return .none }
                return .object(try PyClass(name: name, bases: [base], module: try a[2].asString(), native: false))
            }
        }
    }

    static let source = #"""
_no_value = object()


class auto:
    def __init__(self, value=_no_value):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_sunder_or_dunder(name):
    return len(name) > 1 and name[0] == '_' and name[-1] == '_'


def _is_private(cls_name, name):
    return name.startswith('_%s__' % cls_name.lstrip('_'))


def _next_power(last):
    n = 1
    while n <= last:
        n *= 2
    return n


class _EnumHooks:
    def created(self, cls):
        for base in cls.__mro__[1:]:
            if base.__dict__.get('_member_names_'):
                raise TypeError("%r cannot extend %r" % (cls, base))
        names = []
        member_map = {}
        by_value = {}
        last_values = []
        is_flag = issubclass(cls, Flag)
        init = _custom_init(cls)
        for name, value in _class_items(cls):
            if _is_sunder_or_dunder(name) or _is_private(cls.__name__, name) or _is_descriptor(value):
                continue
            if isinstance(value, auto):
                if value.value is _no_value:
                    value.value = cls._generate_next_value_(name, 1, len(names), last_values[:])
                value = value.value
            last_values.append(value)
            alias = None
            try:
                alias = by_value.get(value)
            except TypeError:
                for m in member_map.values():
                    if m._value_ == value:
                        alias = m
                        break
            if alias is not None:
                member_map[name] = alias
                _set_class_attr(cls, name, alias)
                continue
            member = _new_member(cls)
            member._name_ = name
            member._value_ = value
            if init is not None:
                args = value if isinstance(value, tuple) else (value,)
                init(member, *args)
            names.append(name)
            member_map[name] = member
            try:
                by_value[value] = member
            except TypeError:
                pass
            _set_class_attr(cls, name, member)
        _set_class_attr(cls, '_member_names_', names)
        _set_class_attr(cls, '_member_map_', member_map)
        _set_class_attr(cls, '_value2member_map_', by_value)
        _set_class_attr(cls, '__members__', dict(member_map))
        if is_flag:
            mask = 0
            for n in names:
                mask |= member_map[n]._value_
            _set_class_attr(cls, '_flag_mask_', mask)

    def call(self, cls, value=_no_value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is not None:
            return self._functional(cls, value, names, start)
        if value is _no_value:
            raise TypeError("EnumType.__call__() missing 1 required positional argument: 'value'")
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ == value:
                return member
        if issubclass(cls, Flag) and isinstance(value, int):
            return cls._composite(value)
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def _functional(self, cls, name, names, start):
        if cls._member_names_:
            raise TypeError("%r has members; cannot create a new enumeration from it" % (cls,))
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        items = []
        if isinstance(names, dict):
            items = list(names.items())
        else:
            names = list(names)
            last_values = []
            for i, item in enumerate(names):
                if isinstance(item, str):
                    value = cls._generate_next_value_(item, start, i, last_values[:])
                    last_values.append(value)
                    items.append((item, value))
                else:
                    items.append((item[0], item[1]))
        new = _make_class(name, cls, '__main__')
        for member_name, value in items:
            _set_class_attr(new, member_name, value)
        self.created(new)
        return new

    def iter(self, cls):
        return [cls._member_map_[name] for name in cls._member_names_]

    def len(self, cls):
        return len(cls._member_names_)

    def contains(self, cls, item):
        if not isinstance(item, Enum):
            import warnings
            warnings.warn("in 3.12 __contains__ will no longer raise TypeError, but will return True or\n"
                          "False depending on whether the value is a member or the value of a member",
                          DeprecationWarning, stacklevel=2)
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (type(item).__qualname__, 'EnumType'))
        return isinstance(item, cls) and item._name_ in cls._member_map_

    def getitem(self, cls, name):
        return cls._member_map_[name]

    def repr(self, cls):
        if issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def setattr(self, cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        _set_class_attr(cls, name, value)


class Enum:
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)


class ReprEnum(Enum):
    pass


def _int_value(x):
    return x._value_ if isinstance(x, Enum) else x


class _IntLike:
    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __eq__(self, other):
        return self._value_ == _int_value(other)

    def __ne__(self, other):
        return self._value_ != _int_value(other)

    def __lt__(self, other):
        return self._value_ < _int_value(other)

    def __le__(self, other):
        return self._value_ <= _int_value(other)

    def __gt__(self, other):
        return self._value_ > _int_value(other)

    def __ge__(self, other):
        return self._value_ >= _int_value(other)

    def __hash__(self):
        return hash(self._value_)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __add__(self, other):
        return self._value_ + _int_value(other)

    def __radd__(self, other):
        return _int_value(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _int_value(other)

    def __rsub__(self, other):
        return _int_value(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _int_value(other)

    def __rmul__(self, other):
        return _int_value(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _int_value(other)

    def __rtruediv__(self, other):
        return _int_value(other) / self._value_

    def __floordiv__(self, other):
        return self._value_ // _int_value(other)

    def __rfloordiv__(self, other):
        return _int_value(other) // self._value_

    def __mod__(self, other):
        return self._value_ % _int_value(other)

    def __rmod__(self, other):
        return _int_value(other) % self._value_

    def __pow__(self, other):
        return self._value_ ** _int_value(other)

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return self._value_

    def __abs__(self):
        return abs(self._value_)


class IntEnum(_IntLike, ReprEnum):
    pass


class StrEnum(ReprEnum):
    def __init__(self, *args):
        raise NotImplementedError("enum.StrEnum is not supported by Kindling")


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        return _next_power(max(last_values))

    @classmethod
    def _composite(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        mask = cls._flag_mask_
        if value < 0:
            value = value & mask
        if value & ~mask and not issubclass(cls, IntFlag):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if value in cls._value2member_map_:
            return cls._value2member_map_[value]
        member = _new_member(cls)
        member._value_ = value
        parts = [m._name_ for m in cls._decompose(value)]
        extra = value & ~mask
        if extra:
            parts.append(hex(extra) if extra >= 10 else str(extra))
        member._name_ = '|'.join(parts) if parts else None
        cls._value2member_map_[value] = member
        return member

    @classmethod
    def _decompose(cls, value):
        found = []
        for name in cls._member_names_:
            m = cls._member_map_[name]
            v = m._value_
            if v and v & (v - 1) == 0 and v & value == v:
                found.append(m)
        found.sort(key=lambda m: m._value_)
        return found

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (self.__class__.__name__, self._value_)
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self.__class__._decompose(self._value_))

    def __len__(self):
        return len(self.__class__._decompose(self._value_))

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ & ~self._value_)


class IntFlag(_IntLike, Flag):
    def __or__(self, other):
        return self.__class__(self._value_ | _int_value(other))

    def __and__(self, other):
        return self.__class__(self._value_ & _int_value(other))

    def __xor__(self, other):
        return self.__class__(self._value_ ^ _int_value(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __bool__(self):
        return bool(self._value_)


_hooks = _EnumHooks()
for _cls in (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag):
    _set_class_attr(_cls, '_member_names_', [])
    _set_class_attr(_cls, '_member_map_', {})
    _set_class_attr(_cls, '_value2member_map_', {})
    _install_hooks(_cls, _hooks)
EnumMeta = EnumType = type


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
"""#
}
