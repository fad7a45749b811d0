/// CPython's `json`: `dumps`/`dump` formatted exactly as CPython formats (`indent`, `sort_keys`,
/// `separators`, `ensure_ascii`, `default`...) and `loads`/`load` with CPython's JSONDecodeError messages.
/// Written in Python (run by Kindling when first imported).
enum JsonModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("json", source: source)
    }

    static let source = #"""
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, msg + ': line ' + str(lineno) + ' column ' + str(colno) + ' (char ' + str(pos) + ')')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _encode_string(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
            continue
        code = ord(ch)
        if code < 0x20 or (ensure_ascii and code > 0x7e):
            if code > 0xffff:
                code -= 0x10000
                out.append('\\u' + format(0xd800 | (code >> 10), '04x') + '\\u' + format(0xdc00 | (code & 0x3ff), '04x'))
            else:
                out.append('\\u' + format(code, '04x'))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _encode_float(x, allow_nan):
    if x != x:
        text = 'NaN'
    elif x == float('inf'):
        text = 'Infinity'
    elif x == float('-inf'):
        text = '-Infinity'
    else:
        return repr(x)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default, sort_keys):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is None:
            separators = (', ', ': ') if indent is None else (',', ': ')
        self.item_separator, self.key_separator = separators
        self.default = default
        self.sort_keys = sort_keys
        self.markers = {} if check_circular else None

    def _key(self, key):
        if isinstance(key, str):
            return key
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, float):
            return _encode_float(key, self.allow_nan)
        if isinstance(key, int):
            return str(key)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not ' + type(key).__name__)

    def encode(self, o, level):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return str(int(o))
        if isinstance(o, float):
            return _encode_float(o, self.allow_nan)
        if isinstance(o, (list, tuple)):
            return self._container(o, level, '[', ']', self._list_items)
        if isinstance(o, dict):
            return self._container(o, level, '{', '}', self._dict_items)
        if self.default is None:
            raise TypeError('Object of type ' + type(o).__name__ + ' is not JSON serializable')
        return self._guarded(o, level, lambda: self.encode(self.default(o), level))

    def _guarded(self, o, level, produce):
        if self.markers is not None:
            marker = id(o)
            if marker in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[marker] = o
        text = produce()
        if self.markers is not None:
            del self.markers[id(o)]
        return text

    def _list_items(self, o, level):
        return [self.encode(v, level) for v in o]

    def _dict_items(self, o, level):
        items = list(o.items())
        if self.sort_keys:
            items = sorted(items, key=_first)
        out = []
        for k, v in items:
            key = self._key(k)
            if key is None:
                continue
            out.append(_encode_string(key, self.ensure_ascii) + self.key_separator + self.encode(v, level))
        return out

    def _container(self, o, level, open_, close, items):
        if not o:
            return open_ + close
        def produce():
            if self.indent is None:
                return open_ + self.item_separator.join(items(o, level)) + close
            inner = '\n' + self.indent * (level + 1)
            parts = items(o, level + 1)
            if not parts:
                return open_ + close
            return open_ + inner + (self.item_separator + inner).join(parts) + '\n' + self.indent * level + close
        return self._guarded(o, level, produce)


def _first(item):
    return item[0]


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is not None or kw:
        raise NotImplementedError('json.dumps with cls= or extra keywords is not supported by Kindling')
    encoder = _Encoder(skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default, sort_keys)
    return encoder.encode(obj, 0)


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


_WHITESPACE = ' \t\n\r'
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}


class _Decoder:
    def __init__(self, text, object_hook, parse_float, parse_int, object_pairs_hook):
        self.text = text
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.object_pairs_hook = object_pairs_hook

    def skip(self, i):
        text = self.text
        n = len(text)
        while i < n and text[i] in _WHITESPACE:
            i += 1
        return i

    def value(self, i):
        text = self.text
        if i >= len(text):
            raise JSONDecodeError('Expecting value', text, i)
        ch = text[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == '{':
            return self.object(i + 1)
        if ch == '[':
            return self.array(i + 1)
        for word, value in (('null', None), ('true', True), ('false', False)):
            if text.startswith(word, i):
                return value, i + len(word)
        for word, value in _CONSTANTS.items():
            if text.startswith(word, i):
                return value, i + len(word)
        return self.number(i)

    def number(self, i):
        text = self.text
        n = len(text)
        start = i
        if i < n and text[i] == '-':
            i += 1
        if i < n and text[i] == '0':
            i += 1
        elif i < n and '1' <= text[i] <= '9':
            while i < n and '0' <= text[i] <= '9':
                i += 1
        else:
            raise JSONDecodeError('Expecting value', text, start)
        is_float = False
        if i + 1 < n and text[i] == '.' and '0' <= text[i + 1] <= '9':
            is_float = True
            i += 1
            while i < n and '0' <= text[i] <= '9':
                i += 1
        if i < n and text[i] in 'eE':
            j = i + 1
            if j < n and text[j] in '+-':
                j += 1
            if j < n and '0' <= text[j] <= '9':
                is_float = True
                i = j
                while i < n and '0' <= text[i] <= '9':
                    i += 1
        literal = text[start:i]
        if is_float:
            return (float(literal) if self.parse_float is None else self.parse_float(literal)), i
        return (int(literal) if self.parse_int is None else self.parse_int(literal)), i

    def string(self, i):
        text = self.text
        n = len(text)
        begin = i - 1
        out = []
        while True:
            j = i
            while j < n and text[j] != '"' and text[j] != '\\':
                if ord(text[j]) < 0x20:
                    raise JSONDecodeError('Invalid control character at', text, j)
                j += 1
            out.append(text[i:j])
            if j >= n:
                raise JSONDecodeError('Unterminated string starting at', text, begin)
            if text[j] == '"':
                return ''.join(out), j + 1
            if j + 1 >= n:
                raise JSONDecodeError('Unterminated string starting at', text, begin)
            esc = text[j + 1]
            simple = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
            if esc in simple:
                out.append(simple[esc])
                i = j + 2
            elif esc == 'u':
                code = self.hex4(j + 2)
                i = j + 6
                if 0xd800 <= code <= 0xdbff and text.startswith('\\u', i):
                    low = self.hex4(i + 2)
                    if 0xdc00 <= low <= 0xdfff:
                        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                        i += 6
                out.append(chr(code))
            else:
                raise JSONDecodeError('Invalid \\escape', text, j)

    def hex4(self, i):
        digits = self.text[i:i + 4]
        if len(digits) != 4 or any(c not in '0123456789abcdefABCDEF' for c in digits):
            raise JSONDecodeError('Invalid \\uXXXX escape', self.text, i - 1)
        return int(digits, 16)

    def array(self, i):
        values = []
        i = self.skip(i)
        if i < len(self.text) and self.text[i] == ']':
            return values, i + 1
        while True:
            i = self.skip(i)
            value, i = self.value(i)
            values.append(value)
            i = self.skip(i)
            if i < len(self.text) and self.text[i] == ']':
                return values, i + 1
            if i >= len(self.text) or self.text[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", self.text, i)
            i += 1

    def object(self, i):
        pairs = []
        text = self.text
        i = self.skip(i)
        if i < len(text) and text[i] == '}':
            return self.finish_object(pairs), i + 1
        while True:
            i = self.skip(i)
            if i >= len(text) or text[i] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', text, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(text) or text[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", text, i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.skip(i)
            if i < len(text) and text[i] == '}':
                return self.finish_object(pairs), i + 1
            if i >= len(text) or text[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", text, i)
            i += 1

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        result = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(result)
        return result


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if cls is not None or parse_constant is not None or kw:
        raise NotImplementedError('json.loads with cls=, parse_constant= or extra keywords is not supported by Kindling')
    if not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, not ' + type(s).__name__)
    decoder = _Decoder(s, object_hook, parse_float, parse_int, object_pairs_hook)
    i = decoder.skip(0)
    value, i = decoder.value(i)
    i = decoder.skip(i)
    if i != len(s):
        raise JSONDecodeError('Extra data', s, i)
    return value


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
"""#
}
