# Numeric and string literals.
print(1_000_000, 0xff, 0XFF, 0o17, 0b1010, 0x_dead_beef, 0b_1_0, 00, 0_0)
print(1e-5, 1E3, 1., .5, 2.5e+3, 1_0.0_1, 1.e2, 0.1 + 0.2, 3.0, 1e16, 1e22, 123456789.0)
print(9223372036854775807, -9223372036854775807 - 1)
print(type(1), type(1.0), type(True), type(None), type('s'), type(...))
print('single', "double", '''triple
single''', """triple
double""")
print('tab\there', 'new\nline', 'back\\slash', 'quote\'s', "dq\"s", '\x41\u00e9\U0001F600\101end')
print(r'raw\n\t', R"raw\\", r'\'', len(r'\n'), len('\n'))
print('con' "cat" '''en''' """ation""", 'a' 'b' == 'ab')
print('line \
continued')
print("""a\
b""")
print('unknown \d escape', len('\d'))
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'), repr('\n\t\\'))
print(True, False, None, ..., Ellipsis is ...)
print(u'unicode prefix', 'é' + "ü", len('😀'))
print([], {}, (), [1, 2,], {1: 2,}, (1,), {1, 2, 3,})
s = ('implicit '
     'joining '
     "inside parentheses")
print(s)
