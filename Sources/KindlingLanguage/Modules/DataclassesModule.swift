/// CPython's `dataclasses`: `@dataclass` (init/repr/eq/order/frozen/unsafe_hash), `field`
/// (`default_factory`...), `fields`, `asdict`, `astuple`, `replace`, `is_dataclass`.
/// Written in Python (run by Kindling when first imported) with Swift helpers.
enum DataclassesModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("dataclasses", source: source, natives: DataclassNatives.install)
    }

    static let source = #"""
from copy import deepcopy as _deepcopy


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(name=' + repr(self.name) + ',type=' + repr(self.type) + ',default=' + repr(self.default)
                + ',default_factory=' + repr(self.default_factory) + ',init=' + repr(self.init) + ',repr=' + repr(self.repr)
                + ',hash=' + repr(self.hash) + ',compare=' + repr(self.compare) + ',metadata=' + repr(self.metadata)
                + ',kw_only=' + repr(self.kw_only) + ',_field_type=_FIELD)')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    return repr(annotation).startswith('typing.ClassVar')


def _names(names):
    quoted = ["'" + n + "'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _collect_fields(cls):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = _own_annotations(cls)
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        default = _own_attribute(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
            if f.default is MISSING:
                _delete_own_attribute(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if f.kw_only is MISSING:
            f.kw_only = False
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError('mutable default ' + repr(type(f.default)) + ' for field ' + name
                             + ' is not allowed: use default_factory')
        fields[name] = f
    for name, value in _own_items(cls):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(repr(name) + ' is a field but has no type annotation')
    return fields


def _make_init(cls, fields):
    init_fields = [f for f in fields if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    seen_default = False
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument ' + repr(f.name) + ' follows default argument')
    qualname = cls.__qualname__
    by_name = {}
    for f in init_fields:
        by_name[f.name] = f

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
            if required == len(positional):
                takes = str(required + 1) + ' positional argument' + ('' if required == 0 else 's')
            else:
                takes = 'from ' + str(required + 1) + ' to ' + str(len(positional) + 1) + ' positional arguments'
            raise TypeError(qualname + '.__init__() takes ' + takes + ' but ' + str(len(args) + 1) + ' were given')
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if name not in by_name:
                raise TypeError(qualname + ".__init__() got an unexpected keyword argument '" + name + "'")
            if name in values:
                raise TypeError(qualname + ".__init__() got multiple values for argument '" + name + "'")
            values[name] = value
        missing = [f.name for f in positional if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError(qualname + '.__init__() missing ' + str(len(missing)) + ' required positional argument'
                            + ('' if len(missing) == 1 else 's') + ': ' + _names(missing))
        missing = [f.name for f in init_fields if f.kw_only and f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError(qualname + '.__init__() missing ' + str(len(missing)) + ' required keyword-only argument'
                            + ('' if len(missing) == 1 else 's') + ': ' + _names(missing))
        for f in fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            _set_instance_attribute(self, f.name, value)
        post_init = getattr(self, '__post_init__', None)
        if post_init is not None:
            post_init()
    return __init__


def _make_repr(fields):
    shown = [f.name for f in fields if f.repr]

    def __repr__(self):
        return (type(self).__qualname__ + '(' + ', '.join([name + '=' + repr(getattr(self, name)) for name in shown]) + ')')
    return __repr__


def _compare_tuple(self, fields):
    return tuple([getattr(self, f.name) for f in fields if f.compare])


def _make_comparison(fields, op):
    def compare(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        a = _compare_tuple(self, fields)
        b = _compare_tuple(other, fields)
        if op == '==':
            return a == b
        if op == '<':
            return a < b
        if op == '<=':
            return a <= b
        if op == '>':
            return a > b
        return a >= b
    return compare


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError("cannot assign to field '" + name + "'")


def _frozen_delattr(self, name):
    raise FrozenInstanceError("cannot delete field '" + name + "'")


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen):
    fields = _collect_fields(cls)
    setattr(cls, '__dataclass_fields__', fields)
    field_list = list(fields.values())
    own = _own_keys(cls)
    if init:
        setattr(cls, '__init__', _make_init(cls, field_list))
    if repr and '__repr__' not in own:
        setattr(cls, '__repr__', _make_repr(field_list))
    if eq and '__eq__' not in own:
        setattr(cls, '__eq__', _make_comparison(field_list, '=='))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if name in own:
                raise TypeError('Cannot overwrite attribute ' + name + ' in class ' + cls.__name__ + '. Consider using functools.total_ordering')
            setattr(cls, name, _make_comparison(field_list, op))
    if frozen:
        setattr(cls, '__setattr__', _frozen_setattr)
        setattr(cls, '__delattr__', _frozen_delattr)
    if unsafe_hash or (eq and frozen):
        hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
        setattr(cls, '__hash__', lambda self: hash(tuple([getattr(self, f.name) for f in hashed])))
    elif eq and '__hash__' not in own:
        setattr(cls, '__hash__', None)
    setattr(cls, '__match_args__', tuple([f.name for f in field_list if f.init and not f.kw_only]))
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if slots:
        raise NotImplementedError('dataclass(slots=True) is not supported by Kindling')
    if kw_only:
        raise NotImplementedError('dataclass(kw_only=True) is not supported by Kindling')

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    found = getattr(class_or_instance, '__dataclass_fields__', None)
    if found is None:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(found.values())


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _asdict_inner(obj, dict_factory):
    if hasattr(type(obj), '__dataclass_fields__'):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not hasattr(type(obj), '__dataclass_fields__'):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not hasattr(type(obj), '__dataclass_fields__'):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple_factory([_asdict_inner(getattr(obj, f.name), dict) for f in fields(obj)])


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)
"""#
}
