#!/bin/sh
# Regenerates NAME.expected from CPython 3.11 for every NAME.py here (run from this folder).
# Tracebacks are normalised: file paths relative, PEP 657 caret lines (^^^ / ~~~) removed,
# because Kindling shows the source line without carets.
for f in *.py; do
  python3 "$f" 2>&1 | sed -e "s|File \"$(pwd)/|File \"|" | grep -v -E '^ +[~^]+ *$' > "${f%.py}.expected"
done
