# An uncaught exception deep in calls: the traceback shows every frame.
def level3(data):
    return data["key"] / 0

def level2(data):
    value = level3(data)
    return value

def level1():
    return level2({"key": 1})

print("before")
level1()
print("never")
