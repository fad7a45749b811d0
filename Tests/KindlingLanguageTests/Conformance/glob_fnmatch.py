# glob and fnmatch over a folder tree this script makes (glob lists in directory order, like os.scandir)
import fnmatch
import glob
import os

base = '/tmp/kindling_glob_conformance'
for d in ['data/sub/deep', 'imgs', '.hid']:
    os.makedirs(os.path.join(base, d), exist_ok=True)
for f in ['a.py', 'b.py', 'c.txt', '.hidden.py', 'data/x.csv', 'data/y.csv', 'data/sub/z.csv', 'data/sub/deep/w.csv',
          'imgs/1.png', 'imgs/2.jpg', 'imgs/[x].png', '.hid/q.py']:
    with open(os.path.join(base, f), 'w') as fh:
        fh.write('x')


def rel(paths):
    return sorted(p[len(base) + 1:] if p.startswith(base + '/') else p for p in paths)


def g(pattern, **kw):
    return sorted(glob.glob(pattern, root_dir=base, **kw))


print(g('*.py'), glob.glob('*.py', root_dir=base) == [n for n in os.listdir(base) if n.endswith('.py') and n[0] != '.'])
print(g('data/*.csv'), g('*/*.csv'), g('**/*.csv', recursive=True), g('**/*.csv'))
print(g('**', recursive=True))
print(g('data/**/', recursive=True), g('**/', recursive=True))
print(g('imgs/?.p*'), g('imgs/[12].*'), g('imgs/[!1].*'), g(glob.escape('imgs/[x].png')), glob.escape('a[b]*?.py'))
print(g('nothing*'), g('a.py'), g('missing.py'), g('data/'), g('*/'), g('data'))
print(g('*.py', include_hidden=True), g('.*'), g('.hid/*'))
print(rel(glob.glob(base + '/data/*.csv')), rel(glob.glob(base + '/**/*.py', recursive=True)), rel(glob.iglob(base + '/*/')))
print(glob.has_magic('a*'), glob.has_magic('a[b]'), glob.has_magic('abc'))
for name, pat in [('a.py', '*.py'), ('a.py', '*.PY'), ('data/x.csv', '*.csv'), ('abc', 'a?c'), ('abc', 'a[!b]c'),
                  ('a[c', 'a[c'), ('a-c', 'a[a-]c'), ('x', '[z-a]'), ('', '*'), ('abcabd', '*ab?'), (']', '[]]'),
                  ('b', '[!]]'), ('file10.txt', 'file[0-9]*.txt'), ('.x', '*'), ('ab', 'a**b'), ('aXbXc', 'a*b*c')]:
    print(repr(name), repr(pat), fnmatch.fnmatch(name, pat), fnmatch.fnmatchcase(name, pat))
print(fnmatch.filter(['a.py', 'b.txt', 'c.py', 'd.PY'], '*.py'))
