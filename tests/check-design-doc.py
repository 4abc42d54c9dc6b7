#!/usr/bin/python3
# check-design-doc.py — docs/DESIGN.md names every file of the source tree
#
# Copyright 2026 The Objector authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-design-doc.py SOURCE_DIR
# Every file in src/, build-aux/ and data/ (but its icons and screenshots),
# and every file at the top of tests/ (but the test-*.c programs, which the
# document names as a group), must be named in docs/DESIGN.md inside
# backticks, by its name or its path below its folder; "name.{c,h,ui}" names
# each of the three. Prints the files it misses and exits 1 if there are any.
#
# It also keeps two rules the document states: nothing in src/core/ includes
# GTK, and no file of src/ui/ but the application's own asks for the
# application singleton (g_application_get_default): pages get what they
# need from their wizard.

import os
import re
import sys


def expand(token):
    match = re.search(r'\{([^{}]*)\}', token)
    if match is None:
        return [token]
    head, tail = token[:match.start()], token[match.end():]
    return [name for part in match.group(1).split(',') for name in expand(head + part + tail)]


def named_in(document):
    names = set()
    for token in re.findall(r'`([^`\s]+)`', document):
        names.update(expand(token))
    return names


def files_to_name(source):
    for top in ('src', 'build-aux', 'data'):
        for folder, subfolders, files in os.walk(os.path.join(source, top)):
            relative = os.path.relpath(folder, os.path.join(source, top))
            if top == 'data' and relative.split(os.sep)[0] in ('icons', 'screenshots'):
                continue
            subfolders[:] = [d for d in subfolders if not d.startswith(('.', '_'))]
            for name in files:
                if name.startswith('.') or name.endswith(('~', '.pyc')):
                    continue
                yield top, os.path.normpath(os.path.join(relative, name))
    for name in os.listdir(os.path.join(source, 'tests')):
        path = os.path.join(source, 'tests', name)
        if os.path.isfile(path) and not re.fullmatch(r'test-.*\.c', name):
            yield 'tests', name


def broken_rules(source):
    for folder, pattern, allowed, rule in (
            ('core', r'#include\s*[<"](gtk/|adwaita)', (), 'includes GTK, which src/core/ never does'),
            ('ui', r'\bg_application_get_default\b', ('objector-application.c',),
             'asks for the application singleton: get it from the wizard or the caller')):
        directory = os.path.join(source, 'src', folder)
        for name in sorted(os.listdir(directory)):
            if name in allowed or not name.endswith(('.c', '.h')):
                continue
            with open(os.path.join(directory, name), encoding='utf-8') as f:
                for number, line in enumerate(f, 1):
                    if re.search(pattern, line):
                        yield f'src/{folder}/{name}:{number} {rule}'


def main():
    source = sys.argv[1]
    with open(os.path.join(source, 'docs', 'DESIGN.md'), encoding='utf-8') as f:
        names = named_in(f.read())
    missing = [f'{top}/{path}' for top, path in files_to_name(source)
               if path not in names and os.path.basename(path) not in names]
    for path in sorted(missing):
        print(f'docs/DESIGN.md does not name {path}: add a line for it')
    broken = list(broken_rules(source))
    for line in broken:
        print(line)
    return 1 if missing or broken else 0


if __name__ == '__main__':
    sys.exit(main())
