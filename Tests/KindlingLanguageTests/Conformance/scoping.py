x = "global"
def read_global():
    return x
def shadow_local():
    x = "local"
    return x
def modify_global():
    global x
    x = "modified"
print(read_global(), shadow_local(), x)
modify_global()
print(x, read_global())
def make():
    v = 0
    def get(): return v
    def setv(n):
        nonlocal v
        v = n
    return get, setv
get, setv = make()
setv(42)
print(get())
def redefine():
    return helper()
def helper():
    return "first"
print(redefine())
def helper():
    return "second"
print(redefine())
class K:
    attr = 1
    doubled = attr * 2
    def method(self):
        return attr_missing_in_class_scope()
def attr_missing_in_class_scope():
    return "global function"
print(K.doubled, K().method())
def nested_loops():
    result = []
    for i in range(3):
        def cap(i=i):
            return i
        result.append(cap())
    return result
print(nested_loops())
y = 5
def uses_builtin():
    return len([y])
print(uses_builtin())
len = lambda v: 99
print(len([1, 2]))
del len
print(len([1, 2]))
def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                return a
            return l3()
        return l2()
    return l1()
print(deep())
counter = 0
def bump():
    global counter
    for _ in range(3):
        counter += 1
bump()
print(counter)
