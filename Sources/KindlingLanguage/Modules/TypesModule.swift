/// CPython's `types`: `SimpleNamespace` and the type objects (`GeneratorType`, `FunctionType`...).
/// Written in Python (run by Kindling when first imported).
enum TypesModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("types", source: source)
    }

    static let source = #"""
import math as _math

def _generator():
    yield


class _Holder:
    def method(self):
        pass


FunctionType = type(_generator)
LambdaType = FunctionType
GeneratorType = type(_generator())
MethodType = type(_Holder().method)
BuiltinFunctionType = type(len)
BuiltinMethodType = BuiltinFunctionType
ModuleType = type(_math)
NoneType = type(None)
EllipsisType = type(...)


class SimpleNamespace:
    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return name + '(' + ', '.join([k + '=' + repr(v) for k, v in vars(self).items()]) + ')'

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return vars(self) == vars(other)

    __hash__ = None
"""#
}
