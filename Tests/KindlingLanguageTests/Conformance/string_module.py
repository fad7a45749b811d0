import string
from string import ascii_lowercase, digits

print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.ascii_letters)
print(digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace))
print(repr(string.printable))
print(len(string.printable), len(string.punctuation))
print(list(enumerate(ascii_lowercase))[:3])
print(string.capwords("hello   world  from kindling"))
print(string.capwords("a-b-c DEF", "-"))
print(string.capwords(" x "), repr(string.capwords("")))
print(ascii_lowercase.index('k'), 'q' in string.ascii_letters, string.digits[::-1])
try:
    string.capwords(5)
except AttributeError as e:
    print("AttributeError:", e)
