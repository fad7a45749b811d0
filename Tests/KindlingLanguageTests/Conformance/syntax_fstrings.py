# f-strings: conversions, format specs (nested), debug '=', braces, concatenation.
x, acc, name, width, prec = 42, 0.912345, 'kin', 10, 3
print(f"{x}", f'{x!r}', f"{name!r}", f"{name!s}", f"{name!a}")
print(f"{acc:.4f}", f"{acc:10.2%}", f"{x:>{width}}|", f"{acc:{width}.{prec}f}|", f"{x:05d}", f"{x:x}", f"{x:#b}")
print(f"{x=}", f"{acc = :.2f}", f"{name=!s}", f"{x + 1=}", f"{name = }")
print(f"{{literal}}", f"{{{x}}}", f"}}{{", f"a{{b}}c")
print(f"{'nested'}", f'{"dq"}', f"{[1, 2][0]}", f"{ {'k': 1}['k'] }", f"{(lambda: 5)()}")
print('plain ' f'{x} ' "more " f"{name}")
print(f"{x:,}", f"{1234567.891:,.2f}", f"{x:<6}|", f"{x:^6}|", f"{name:*^9}")
print(f"{3 if x else 4}", f"{x, name}", f"{x!r:>6}")
print(f"""multi
{x}
line""", f'''{name
}''')
print(f"{'a' 'b'}", f"{x:{'>'}{width}}")
print(rf"raw \n {x}", fr'{name}\t')
d = {'a': 1}
print(f"{d['a']}", f"{d!r}", f"{len(d)}")
print(f"{x:}", f"{name:}", f"{1e-7}", f"{1.5e300 * 1e10}", f"{float('nan')}")
