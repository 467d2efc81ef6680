#!/usr/bin/env python3
# model-words.py: the model's C writes no English of its own.  Every
# word a reader sees comes from xslt/words.xml (need(), word(), lookup());
# the C adds punctuation only.  Reads src/model*.c (or the files given)
# and names, at its file and line, each string literal with a word in it
# that is written into the model as text: the text argument of
# str_add(), text(), strong(), labelled(), el_text(), sub(), sub_of(),
# numbered_sub(), legal_field(), or a title or caption set().  Buffers named id hold
# ids, not words.  Ends with "N passed, N failed".
import glob
import re
import sys

# function -> index of the argument that is text a reader sees
TEXT_ARG = {
    'str_add': 2, 'text': 2, 'strong': 2, 'labelled': 3, 'el_text': 3,
    'sub': 3, 'sub_of': 4, 'numbered_sub': 4, 'labelled_text': 2,
    'legal_field': 4,
}
WORD = re.compile(r'[A-Za-z]{2,}')


def strip_comments(src):
    # comments become blanks of the same lines, so that lines still count
    def blank(m):
        return re.sub(r'[^\n]', ' ', m.group(0))
    return re.sub(r'/\*.*?\*/', blank, src, flags=re.S)


def args_of(src, i):
    # the arguments of the call whose '(' is at i, split at top-level commas
    depth, start, out, j, instr = 0, i + 1, [], i, False
    while j < len(src):
        c = src[j]
        if instr:
            if c == '\\':
                j += 1
            elif c == '"':
                instr = False
        elif c == '"':
            instr = True
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                out.append(src[start:j])
                return out
        elif c == ',' and depth == 1:
            out.append(src[start:j])
            start = j + 1
        j += 1
    return out


def nested_calls_out(arg):
    # the words of need("label", "x") and the like are keys, not text
    arg = re.sub(r'\((const )?[a-zA-Z_]+ ?\**\)', '', arg)   # casts
    prev = None
    while prev != arg:
        prev = arg
        arg = re.sub(r'\b[a-z_]+\s*\([^()]*\)', '0', arg)
    return arg


def literals(arg):
    for m in re.finditer(r'"((?:\\.|[^"\\])*)"', arg):
        yield re.sub(r'\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)', '', m.group(1))


def check(path):
    bad = []
    src = strip_comments(open(path, encoding='utf-8').read())
    call = re.compile(r'\b(%s|set)\s*\(' % '|'.join(TEXT_ARG))
    for m in call.finditer(src):
        name = m.group(1)
        a = args_of(src, m.end() - 1)
        if name == 'set':
            if len(a) < 4 or a[2].strip() not in ('"title"', '"caption"'):
                continue
            arg = a[3]
        else:
            k = TEXT_ARG[name]
            if len(a) <= k:
                continue
            if name == 'str_add' and a[1].strip() == '&id':
                continue
            arg = a[k]
        for lit in literals(nested_calls_out(arg)):
            if WORD.search(lit):
                line = src.count('\n', 0, m.start()) + 1
                bad.append('%s:%d: "%s" in %s(): a word for '
                           'xslt/words.xml' % (path, line, lit, name))
    return bad


def main():
    files = sys.argv[1:] or sorted(glob.glob('src/model*.c'))
    passed = failed = 0
    for f in files:
        bad = check(f)
        if bad:
            for b in bad:
                print('FAIL ' + b)
            failed += 1
        else:
            print('ok   %s: no English of its own' % f)
            passed += 1
    if not files:
        print('FAIL no src/model*.c')
        failed += 1
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


sys.exit(main())
