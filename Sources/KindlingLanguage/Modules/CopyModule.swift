/// CPython's `copy`: `copy` and `deepcopy` (with a memo, honouring `__copy__`/`__deepcopy__`).
/// Written in Python (run by Kindling when first imported) with Swift helpers.
enum CopyModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("copy", source: source, natives: CopyNatives.install)
    }

    static let source = #"""
class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, type, range, type(len), type(lambda: 0), property)


def copy(x):
    cls = type(x)
    if cls in _atomic or isinstance(x, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is tuple or cls is frozenset:
        return x
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or isinstance(x, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        _keep_alive(x, memo)
        for a in x:
            y.append(deepcopy(a, memo))
        return y
    elif cls is dict:
        y = {}
        memo[d] = y
        _keep_alive(x, memo)
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
        return y
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        same = True
        for a, b in zip(x, items):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is set:
        y = set([deepcopy(a, memo) for a in x])
    elif cls is frozenset:
        y = frozenset([deepcopy(a, memo) for a in x])
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
            return y
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo):
    y = _new_like(x)
    if memo is not None:
        memo[id(x)] = y
        _keep_alive(x, memo)
    state = _instance_state(x)
    if state is not None:
        if memo is not None:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            for key, value in state.items():
                _set_instance_attribute(y, key, value)
    items = _container_items(x)
    if items is not None:
        if memo is not None:
            items = deepcopy(items, memo)
        _fill_container(y, items)
    return y
"""#
}
