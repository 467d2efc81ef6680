#!/usr/bin/env python3
"""codes.py: every diagnostic code monoc can print is documented in monoc.1.

The codes: each string literal monoc's C passes as the code of
diag_file_add() or diag_file_add_node() (their fifth argument), and each
"[code]" at the end of a message of the expected diagnostics the tests keep
(*.err under tests/: the diagnostics corpus, the fixtures, the golden
imports), which also holds the codes that check.c takes from its tables.
Each must be a ".B code" of monoc.1's DIAGNOSTICS section.  Prints one
line per code not documented, then "N passed, N failed".

usage: tests/diag/codes.py          (from the repository root)
"""
import glob
import re
import sys


def args_of(s, i):
    """The arguments of the call whose '(' is at s[i], as strings."""
    out, depth, cur, j = [], 0, '', i + 1
    while j < len(s):
        ch = s[j]
        if ch == '"':
            k = j + 1
            while s[k] != '"':
                k += 2 if s[k] == '\\' else 1
            cur += s[j:k + 1]
            j = k + 1
            continue
        if ch in '([{':
            depth += 1
        elif ch in ')]}':
            if depth == 0:
                out.append(cur.strip())
                return out
            depth -= 1
        elif ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
            j += 1
            continue
        cur += ch
        j += 1
    return out


def main():
    codes = {}
    for f in sorted(glob.glob('src/*.c')):
        s = open(f, encoding='utf-8').read()
        for m in re.finditer(r'\bdiag_file_add(?:_node)?\s*\(', s):
            a = args_of(s, m.end() - 1)
            if len(a) > 4 and re.fullmatch(r'"[a-z][a-z0-9-]*"', a[4]):
                line = s.count('\n', 0, m.start()) + 1
                codes.setdefault(a[4][1:-1], '%s:%d' % (f, line))
    for f in sorted(glob.glob('tests/**/*.err', recursive=True)):
        for n, line in enumerate(open(f, encoding='utf-8', errors='replace'), 1):
            m = re.search(r': (?:error|warning|note): .*\[([a-z][a-z0-9-]*)\]$',
                          line.rstrip('\n'))
            if m:
                codes.setdefault(m.group(1), '%s:%d' % (f, n))
    man = open('monoc.1', encoding='utf-8').read()
    sec = man[man.index('.SH DIAGNOSTICS'):man.index('.SH EXIT STATUS')]
    doc = {x.replace('\\-', '-') for x in
           re.findall(r'^\.B ([a-z0-9\\-]+)\s*$', sec, re.M)}
    fail = 0
    for code, where in sorted(codes.items()):
        if code not in doc:
            print('FAIL %s (%s) is not in monoc.1 DIAGNOSTICS' % (code, where))
            fail += 1
    print('ok   %d diagnostic codes found in src/*.c and tests/**/*.err'
          % len(codes) if codes else 'FAIL no diagnostic codes found')
    if not codes:
        fail += 1
    passed = len(codes) - fail + (1 if codes else 0)
    print('%d passed, %d failed' % (max(passed, 0), fail))
    return 1 if fail else 0


if __name__ == '__main__':
    sys.exit(main())
