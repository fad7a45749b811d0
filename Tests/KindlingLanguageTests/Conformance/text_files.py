# open() for text files: write, append, read back in every way, errors.
import os
from pathlib import Path

path = "/tmp/kindling_text_files_%d.txt" % os.getpid()
with open(path, "w") as f:
    print(f.closed, f.mode, f.writable(), f.readable())
    n = f.write("first line\n")
    print("wrote", n)
    f.writelines(["second\n", "third, no newline"])
    print("naïve ✓\n", file=f, end="")
print(f.closed)

with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
    f.seek(0)
    print(repr(f.read(5)), repr(f.read(0)), repr(f.read(100)))
for i, line in enumerate(open(path)):
    print(i, repr(line.rstrip("\n")))
print([len(l) for l in open(path, encoding="utf-8")])
print(open(path).read().splitlines()[-1])

with open(path, "a") as f:
    f.write("appended\n")
print(Path(path).read_text().count("\n"), open(path).readlines()[-1])
with Path(path).open() as f:
    print(f.readline().strip())

Path(path).write_text("a\r\nb\rc\n")
print(repr(open(path).read()))

f = open(path)
f.close()
f.close()
for op in [lambda: f.read(), lambda: f.readline(), lambda: iter(f)]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
with open(path) as f:
    try:
        f.write("x")
    except OSError as e:
        print("OSError", e)

for args in [(path, "rw"), (path, "q"), (path, "rr"), (path, "")]:
    try:
        open(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    open("/tmp")
except IsADirectoryError as e:
    print("IsADirectoryError:", e)
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError:", str(e).replace(path, "PATH"))
os.remove(path)
print(os.path.exists(path))
