#!/usr/bin/env python3
"""Does a set of monographs use every element and attribute of the schema?

usage: coverage.py SCHEMA MONOGRAPH...

Lists every element declaration of schema/monograph.xsd (one declared in
a shared group, such as p, counts once; two declarations of one name,
such as meta/summary and warning/summary, count apart) and every attribute
of each, then reports those none of the monographs uses, named
parent/element@attribute.  Exit status 1 when anything is unused.
tests/formulary/*.xml must together use all of format 2.
"""
import sys
import xml.etree.ElementTree as ET

XS = '{http://www.w3.org/2001/XMLSchema}'
M = '{urn:monoc:monograph:2}'


def local(qname):
    return qname.split(':', 1)[-1]


class Decl:
    """One element declaration: its children by name, its attributes."""

    def __init__(self, name, where):
        self.name = name
        self.where = where      # the parent's name, to tell twins apart
        self.children = {}
        self.attributes = set()


class Schema:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.types = {e.get('name'): e for e in root
                      if e.tag in (XS + 'complexType', XS + 'simpleType')}
        self.groups = {e.get('name'): e for e in root if e.tag == XS + 'group'}
        self.agroups = {e.get('name'): e for e in root
                        if e.tag == XS + 'attributeGroup'}
        self.decls = {}         # id(xs:element node) -> Decl
        self.roots = {}
        for e in root:
            if e.tag == XS + 'element':
                self.roots[e.get('name')] = self.element(e, '')

    def element(self, node, where):
        if id(node) in self.decls:
            return self.decls[id(node)]
        d = self.decls[id(node)] = Decl(node.get('name'), where)
        if node.get('type'):
            t = self.types.get(local(node.get('type')))
            if t is not None:
                self.content(t, d)
        for c in node:
            if c.tag == XS + 'complexType':
                self.content(c, d)
        return d

    def content(self, node, d):
        for c in node:
            tag = c.tag[len(XS):]
            if tag == 'element':
                d.children[c.get('name')] = self.element(c, d.name)
            elif tag == 'group':
                self.content(self.groups[local(c.get('ref'))], d)
            elif tag == 'attribute':
                d.attributes.add(c.get('name'))
            elif tag == 'attributeGroup':
                self.content(self.agroups[local(c.get('ref'))], d)
            elif tag in ('extension', 'restriction'):
                t = self.types.get(local(c.get('base')))
                if t is not None:
                    self.content(t, d)
                self.content(c, d)
            elif tag in ('sequence', 'choice', 'all', 'complexContent',
                         'simpleContent'):
                self.content(c, d)

    def all(self):
        """Every (declaration, attribute or None) pair of the schema."""
        out = set()
        for d in self.decls.values():
            out.add((d, None))
            out.update((d, a) for a in d.attributes)
        return out


def used(schema, paths):
    out = set()
    for p in paths:
        root = ET.parse(p).getroot()
        stack = [(root, schema.roots.get(root.tag[len(M):]))]
        while stack:
            e, d = stack.pop()
            if d is None:
                continue
            out.add((d, None))
            out.update((d, a) for a in e.attrib if not a.startswith('{'))
            for c in e:
                name = c.tag[len(M):] if c.tag.startswith(M) else c.tag
                stack.append((c, d.children.get(name)))
    return out


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    s = Schema(sys.argv[1])
    want = s.all()
    missing = sorted(('%s/%s' % (d.where, d.name)).lstrip('/') +
                     ('' if a is None else '@' + a)
                     for d, a in want - used(s, sys.argv[2:]))
    for m in missing:
        print('unused: ' + m)
    print('%d element declarations and attributes; %d unused' % (
        len(want), len(missing)))
    return 1 if missing else 0


sys.exit(main())
