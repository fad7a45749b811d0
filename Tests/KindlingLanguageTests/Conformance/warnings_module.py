# warnings: locations, the default once-per-location filter, actions, catch_warnings
import os
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print("shown:", os.path.basename(filename), lineno, category.__name__, message)


warnings.showwarning = show


def helper():
    warnings.warn("from helper")


def outer():
    warnings.warn("blame the caller", stacklevel=2)


for i in range(3):
    warnings.warn("in a loop")
    helper()
    outer()
warnings.warn("deprecated here", DeprecationWarning)
warnings.warn("future", FutureWarning)
warnings.warn(RuntimeWarning("an instance"))
warnings.warn("beyond the stack", stacklevel=20)

warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always shown")
warnings.simplefilter("once")
for i in range(2):
    warnings.warn("once only")
warnings.warn("once only")

warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", type(e).__name__, e)
warnings.warn("other categories still shown", UserWarning)

warnings.resetwarnings()
print("filters after reset:", warnings.filters)
warnings.simplefilter("ignore")
warnings.warn("ignored")
warnings.simplefilter("default", FutureWarning)
warnings.warn("future again", FutureWarning)
print(warnings.filters)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded one")
    warnings.warn("recorded two", DeprecationWarning)
    helper()
print(len(caught))
for w in caught:
    print(w.message, type(w.message).__name__, w.category.__name__, os.path.basename(w.filename), w.lineno, w.line)
print(warnings.filters[0][0], len(warnings.filters))
warnings.warn("not recorded: ignored again")

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("inside")
    except UserWarning as e:
        print("inside raised", repr(e))
warnings.warn("outside: ignored")
with warnings.catch_warnings(action="always"):
    warnings.warn("through action=")
print(repr(warnings.catch_warnings()), repr(warnings.catch_warnings(record=True)))

print(warnings.formatwarning("msg", UserWarning, "file.py", 12), end="")
print(warnings.formatwarning("msg", FutureWarning, "file.py", 3, "   x = f()  "), end="")
for bad in [int, "UserWarning", 3]:
    try:
        warnings.warn("bad", bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    warnings.simplefilter("sometimes")
except AssertionError as e:
    print("AssertionError:", e)
for cls in [Warning, UserWarning, DeprecationWarning, PendingDeprecationWarning, SyntaxWarning, RuntimeWarning,
            FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
warnings.simplefilter("error")
warnings.warn("uncaught at the end")
