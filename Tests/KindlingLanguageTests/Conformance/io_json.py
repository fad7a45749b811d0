import io
buf = io.StringIO()
print("hello", 42, file=buf)
buf.write("second line\n")
print(repr(buf.getvalue()), buf.tell())
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(3)), repr(buf.read()))
s = io.StringIO("a\nb\nc")
print([line for line in s], s.tell())
s.seek(0)
s.write("XY")
print(repr(s.getvalue()), s.readlines())
with io.StringIO("x") as f:
    print(f.read())
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO().write(3)
except TypeError as e:
    print("TypeError:", e)
import json

data = {"name": "Ada", "age": 36, "scores": [9.5, 8, None, True, False], "nested": {"b": [], "a": {}}, "ü": "é\n\t\"q\""}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
print(json.dumps([1, [2, [3]]], indent="\t"))
print(json.dumps({1: "one", 2.5: "x", None: 0, True: 1}), json.dumps("snow ☃ 😀"), json.dumps(float("nan")), json.dumps(1e100), json.dumps(0.1))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps({"a": []}, indent=4))
text = '{"x": [1, 2.5, -3e2, "s\\u00e9\\n", null, true, false], "y": {"z": "\\ud83d\\ude00"}}'
obj = json.loads(text)
print(obj, type(obj["x"][2]).__name__)
print(json.loads(" [ ] "), json.loads("12"), json.loads('"x"'), json.loads("NaN"))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
for bad in ['{"a" 1}', "[1, 2", "", "{'a': 1}", "[1] x", "tru"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"s": {1, 2}}, default=sorted))
print(json.loads(json.dumps(data)) == data)
