import Foundation

/// CPython 3.11's `fnmatch` (`fnmatch`, `fnmatchcase`, `filter`; `*`, `?`, `[seq]`, `[!seq]`) and
/// `glob` (`glob`, `iglob`, `escape`, `has_magic`, `recursive=True` with `**`, `root_dir`,
/// `include_hidden`). Like CPython, `glob` returns names in the order the directory lists them
/// (readdir's order, not sorted). Written in Python over a Swift directory listing.
enum GlobModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("fnmatch", source: fnmatchSource)
        interpreter.registerSourceModule("glob", source: globSource) { m in
            m.define("_scandir") { a in
                .object(PyList(listDirectory(try a[0].asString(), directoriesOnly: try a[1].isTruthy()).map { .str($0) }))
            }
            m.define("_lexists") { a in
                var st = stat()
                return .bool(lstat(try a[0].asString(), &st) == 0)
            }
            m.define("_isdir") { a in
                var st = stat()
                return .bool(stat(try a[0].asString(), &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR)
            }
        }
    }

    /// The entries of a folder in readdir's order (what `os.scandir` yields), without `.`/`..`;
    /// empty when it cannot be read. With `directoriesOnly`, only entries that are (or link to) folders.
    static func listDirectory(_ path: String, directoriesOnly: Bool) -> [String] {
        let dir = path.isEmpty ? "." : path
        guard let handle = opendir(dir) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            if directoriesOnly {
                var st = stat()
                let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                guard stat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { continue }
            }
            names.append(name)
        }
        return names
    }

    static let fnmatchSource = #"""
def _class_end(pat, i):
    # The index just past a bracket expression starting at pat[i] == '[', or -1 when unclosed.
    j = i + 1
    if j < len(pat) and pat[j] == '!':
        j += 1
    if j < len(pat) and pat[j] == ']':
        j += 1
    while j < len(pat) and pat[j] != ']':
        j += 1
    return j + 1 if j < len(pat) else -1


def _class_matches(body, ch):
    negate = body.startswith('!')
    if negate:
        body = body[1:]
    found = False
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == '-':
            if body[k] <= ch <= body[k + 2]:
                found = True
            k += 3
        else:
            if body[k] == ch:
                found = True
            k += 1
    return found != negate


def _match(name, pat):
    n = 0
    p = 0
    star_p = -1
    star_n = 0
    while n < len(name):
        if p < len(pat):
            c = pat[p]
            if c == '*':
                star_p = p
                star_n = n
                p += 1
                continue
            if c == '?':
                n += 1
                p += 1
                continue
            if c == '[':
                end = _class_end(pat, p)
                if end < 0:
                    if name[n] == '[':
                        n += 1
                        p += 1
                        continue
                elif _class_matches(pat[p + 1:end - 1], name[n]):
                    n += 1
                    p = end
                    continue
            elif c == name[n]:
                n += 1
                p += 1
                continue
        if star_p >= 0:
            star_n += 1
            n = star_n
            p = star_p + 1
            continue
        return False
    while p < len(pat) and pat[p] == '*':
        p += 1
    return p == len(pat)


def fnmatchcase(name, pat):
    return _match(name, pat)


def fnmatch(name, pat):
    return _match(name, pat)


def filter(names, pat):
    return [name for name in names if _match(name, pat)]
"""#

    static let globSource = #"""
import os
import fnmatch


def _has_magic(s):
    return '*' in s or '?' in s or '[' in s


def has_magic(s):
    return _has_magic(s)


def _ishidden(path):
    return path[0] == '.'


def _isrecursive(pattern):
    return pattern == '**'


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def _split(path):
    i = path.rfind('/') + 1
    head, tail = path[:i], path[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def _glob0(dirname, basename, dironly, include_hidden):
    if basename:
        if _lexists(_join(dirname, basename) or '.'):
            return [basename]
    elif _isdir(dirname or '.'):
        return [basename]
    return []


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _scandir(dirname, dironly)
    if include_hidden or not _ishidden(pattern):
        names = [x for x in names if include_hidden or not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _rlistdir(dirname, dironly, include_hidden):
    for x in _scandir(dirname, dironly):
        if include_hidden or not _ishidden(x):
            yield x
            path = _join(dirname, x) if dirname else x
            for y in _rlistdir(path, dironly, include_hidden):
                yield _join(x, y)


def _glob2(dirname, pattern, dironly, include_hidden):
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = _split(pathname)
    if not _has_magic(pathname):
        if basename:
            if _lexists(_join(root_dir, pathname)):
                yield pathname
        elif _isdir(_join(root_dir, dirname)):
            yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and _has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if _has_magic(basename):
        glob_in_dir = _glob2 if recursive and _isrecursive(basename) else _glob1
    else:
        glob_in_dir = _glob0
    for d in dirs:
        for name in glob_in_dir(_join(root_dir, d), basename, dironly, include_hidden):
            yield os.path.join(d, name) if name else (d if not d or d.endswith('/') else d + '/')


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if dir_fd is not None:
        raise NotImplementedError("glob's dir_fd is not supported by Kindling")
    pathname = os.fspath(pathname) if hasattr(os, 'fspath') else str(pathname)
    if root_dir is not None:
        root_dir = str(root_dir)
    else:
        root_dir = ''
    results = list(_iglob(pathname, root_dir, recursive, False, include_hidden))
    if not pathname or (recursive and _isrecursive(pathname[:2])):
        if results and not results[0]:
            results = results[1:]
    return iter(results)


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive, include_hidden=include_hidden))


def escape(pathname):
    out = ''
    for ch in pathname:
        out += '[' + ch + ']' if ch in '*?[' else ch
    return out
"""#
}
