/// CPython's `typing`: the names annotations use (`List[int]`, `Optional[str]`,
/// `Callable[[int], str]`, `TypeVar`...), subscriptable and printed as CPython prints them; no
/// runtime type checks, as in CPython.
/// Written in Python (run by Kindling when first imported).
enum TypingModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("typing", source: source)
    }

    static let source = #"""
TYPE_CHECKING = False


def _type_repr(t):
    if t is ...:
        return '...'
    if t is None:
        return 'None'
    if isinstance(t, list):
        return '[' + ', '.join([_type_repr(a) for a in t]) + ']'
    if isinstance(t, type):
        module = getattr(t, '__module__', 'builtins')
        name = getattr(t, '__qualname__', t.__name__)
        return name if module == 'builtins' else module + '.' + name
    return repr(t)


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


class _GenericAlias:
    """A subscripted type such as List[int]: usable in annotations, not instantiable."""

    def __init__(self, name, origin, args):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        if self._name == 'Callable' and len(self.__args__) == 2:
            return 'typing.Callable[' + _type_repr(self.__args__[0]) + ', ' + _type_repr(self.__args__[1]) + ']'
        if self._name == 'Tuple' and self.__args__ == ():
            return 'typing.Tuple[()]'
        return 'typing.' + self._name + '[' + ', '.join([_type_repr(a) for a in self.__args__]) + ']'

    def __eq__(self, other):
        return isinstance(other, _GenericAlias) and self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __getitem__(self, params):
        return _GenericAlias(self._name, self.__origin__, self.__args__ + _as_tuple(params))

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None or self._name in ('Union', 'Optional', 'Callable'):
            raise TypeError('Cannot instantiate typing.' + self._name)
        return self.__origin__(*args, **kwargs)


class _SpecialGeneric:
    """List, Dict, Iterable...: subscriptable names of the collection types."""

    def __init__(self, name, origin, nparams):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._name == 'Callable':
            if not isinstance(params, tuple) or len(params) != 2:
                raise TypeError('Callable must be used as Callable[[arg, ...], result].')
            args, result = params
            if args is not ... and not isinstance(args, list):
                raise TypeError('Callable[args, result]: args must be a list. Got ' + _type_repr(args))
            return _GenericAlias('Callable', self.__origin__, (args, result))
        params = tuple([type(None) if p is None else p for p in _as_tuple(params)])
        if self._name == 'Tuple':
            if params == ((),):
                params = ()
            return _GenericAlias('Tuple', tuple, params)
        if self._nparams >= 0 and len(params) != self._nparams:
            many = 'many' if len(params) > self._nparams else 'few'
            raise TypeError('Too ' + many + ' arguments for typing.' + self._name + '; actual ' + str(len(params)) + ', expected ' + str(self._nparams))
        return _GenericAlias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Type ' + self._name + ' cannot be instantiated')
        raise TypeError('Type ' + self._name + ' cannot be instantiated; use ' + self.__origin__.__name__ + '() instead')


def _flatten_union(params):
    out = []
    for p in params:
        if isinstance(p, _GenericAlias) and p._name in ('Union', 'Optional'):
            members = p.__args__ if p._name == 'Union' else (p.__args__[0], type(None))
            for q in members:
                if q not in out:
                    out.append(q)
        else:
            if p is None:
                p = type(None)
            if p not in out:
                out.append(p)
    return tuple(out)


class _SpecialForm:
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate typing.' + self._name)

    def __getitem__(self, params):
        name = self._name
        if name == 'Union':
            args = _flatten_union(_as_tuple(params))
            if len(args) == 1:
                return args[0]
            if len(args) == 2 and type(None) in args:
                other = args[0] if args[1] is type(None) else args[1]
                return _OptionalAlias(other)
            return _GenericAlias('Union', None, args)
        if name == 'Optional':
            if isinstance(params, tuple):
                raise TypeError('typing.Optional requires a single type.')
            return Union[params, None]
        if name in ('ClassVar', 'Final', 'Type'):
            return _GenericAlias(name, type if name == 'Type' else None, _as_tuple(params))
        if name == 'Literal':
            return _LiteralAlias(_as_tuple(params))
        if name == 'Annotated':
            return _as_tuple(params)[0]
        raise TypeError(repr(self) + ' is not subscriptable')


class _OptionalAlias(_GenericAlias):
    def __init__(self, inner):
        _GenericAlias.__init__(self, 'Union', None, (inner, type(None)))

    def __repr__(self):
        return 'typing.Optional[' + _type_repr(self.__args__[0]) + ']'


class _LiteralAlias(_GenericAlias):
    def __init__(self, values):
        _GenericAlias.__init__(self, 'Literal', None, values)

    def __repr__(self):
        return 'typing.Literal[' + ', '.join([repr(v) for v in self.__args__]) + ']'


class _AnyType:
    def __repr__(self):
        return 'typing.Any'

    def __call__(self, *args, **kwargs):
        raise TypeError('Any cannot be instantiated')


Any = _AnyType()
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Literal = _SpecialForm('Literal')
Annotated = _SpecialForm('Annotated')
Type = _SpecialForm('Type')

List = _SpecialGeneric('List', list, 1)
Dict = _SpecialGeneric('Dict', dict, 2)
DefaultDict = _SpecialGeneric('DefaultDict', None, 2)
Set = _SpecialGeneric('Set', set, 1)
FrozenSet = _SpecialGeneric('FrozenSet', frozenset, 1)
Tuple = _SpecialGeneric('Tuple', tuple, -1)
Callable = _SpecialGeneric('Callable', None, -1)
Iterable = _SpecialGeneric('Iterable', None, 1)
Iterator = _SpecialGeneric('Iterator', None, 1)
Generator = _SpecialGeneric('Generator', None, 3)
Sequence = _SpecialGeneric('Sequence', None, 1)
MutableSequence = _SpecialGeneric('MutableSequence', None, 1)
Mapping = _SpecialGeneric('Mapping', None, 2)
MutableMapping = _SpecialGeneric('MutableMapping', None, 2)
Collection = _SpecialGeneric('Collection', None, 1)
Container = _SpecialGeneric('Container', None, 1)
AbstractSet = _SpecialGeneric('AbstractSet', None, 1)
Reversible = _SpecialGeneric('Reversible', None, 1)
Hashable = _SpecialGeneric('Hashable', None, 0)
Sized = _SpecialGeneric('Sized', None, 0)
Counter = _SpecialGeneric('Counter', None, 1)
Deque = _SpecialGeneric('Deque', None, 1)
OrderedDict = _SpecialGeneric('OrderedDict', None, 2)
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


AnyStr = TypeVar('AnyStr', str)


class Generic:
    """Base of user generic classes; Generic[T] gives Generic itself (no runtime checks)."""

    def __class_getitem__(*params):
        return Generic


class Protocol:
    def __class_getitem__(*params):
        return Protocol


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_origin(tp):
    return getattr(tp, '__origin__', None) if isinstance(tp, _GenericAlias) else None


def get_args(tp):
    return getattr(tp, '__args__', ()) if isinstance(tp, _GenericAlias) else ()
"""#
}
