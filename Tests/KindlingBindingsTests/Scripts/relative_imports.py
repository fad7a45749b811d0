# Relative imports inside a local package: `from . import x`, `from .mod import y`, `from .. import z`.
import sys
sys.path.insert(0, "fixtures")
import relpkg
from relpkg.sub import deep
print(relpkg.scale(4), relpkg.helpers.twice(5), relpkg.depth(), deep.depth() == relpkg.depth())
print(relpkg.core.__package__, relpkg.__package__, relpkg.sub.__package__)
try:
    import relpkg.sub.toofar
except ImportError as e:
    print(type(e).__name__, e)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
