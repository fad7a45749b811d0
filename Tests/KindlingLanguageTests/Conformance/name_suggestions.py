import math
class Model:
    def __init__(self):
        self.weights = [1, 2]
        self.bias = 0
    def forward(self, x):
        return x
m = Model()
try:
    m.weigths
except AttributeError as e:
    print(e)
try:
    m.fowrard(1)
except AttributeError as e:
    print(e)
try:
    math.sqr(2)
except AttributeError as e:
    print(e)
try:
    [].apend(1)
except AttributeError as e:
    print(e)
try:
    prnt("x")
except NameError as e:
    print(e)
def f():
    learning_rate = 0.1
    return learnin_rate
try:
    f()
except NameError as e:
    print(e)
try:
    completely_unknown_identifier
except NameError as e:
    print(e)
try:
    lenn([1])
except NameError as e:
    print(e)
mdoel = 1
print(mdoel)
troch = None
torch_like = troch
try:
    torch
except NameError as e:
    print(e)
try:
    Model.nothing
except AttributeError as e:
    print(e)
