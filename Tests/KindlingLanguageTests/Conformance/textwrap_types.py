import textwrap
import types
print(repr(textwrap.dedent("""
    def f():
        return 1
      
    x = 2
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("    a\n  b\n      c")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.indent("one\n\ntwo\n", "> ")), repr(textwrap.indent("a\nb", "+", lambda line: True)))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns.a, vars(ns))
print(types.GeneratorType, types.FunctionType, types.MethodType, types.ModuleType, types.BuiltinFunctionType)
def gen():
    yield 1
print(isinstance(gen(), types.GeneratorType), isinstance(gen, types.FunctionType))
