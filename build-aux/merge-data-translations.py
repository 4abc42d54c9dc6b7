#!/usr/bin/python3
# build-aux/merge-data-translations.py
# Copyright 2026 The Objector authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Adds a language to the translatable data files.

  build-aux/merge-data-translations.py LANG PLAYBOOK.json COMPLAINTS.json

PLAYBOOK.json maps a JSON path of data/playbook/meta.json ("paths[0].steps[2]")
to the text in LANG; COMPLAINTS.json is the whole block for LANG of
data/complaints.json, with every key of the "en" block. Both are checked
against the English before anything is written; run build-aux/test after.
"""

import json
import re
import sys

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def resolve(root, path):
    node = root
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        node = node[int(part[1:-1])] if part.startswith("[") else node[part]
    return node


def set_text(root, path, lang, text):
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    parent = resolve(root, "".join(p if p.startswith("[") else "." + p for p in parts[:-1]).lstrip("."))
    key = parts[-1]
    key = int(key[1:-1]) if key.startswith("[") else key
    value = parent[key]
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict) or "en" not in value:
        sys.exit(f"{path}: not a translatable text")
    value[lang] = text
    parent[key] = value


def same_shape(english, other, where=""):
    if isinstance(english, dict):
        if not isinstance(other, dict) or set(english) != set(other):
            sys.exit(f"complaints{where}: keys differ from English")
        for key in english:
            same_shape(english[key], other[key], f"{where}.{key}")
    elif isinstance(english, list):
        if not isinstance(other, list) or len(english) != len(other):
            sys.exit(f"complaints{where}: list length differs from English")
        for i, (a, b) in enumerate(zip(english, other)):
            same_shape(a, b, f"{where}[{i}]")
    elif isinstance(english, str):
        if not isinstance(other, str) or not other.strip():
            sys.exit(f"complaints{where}: missing text")
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(other)):
            sys.exit(f"complaints{where}: placeholders differ from English")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    lang, playbook_fragment, complaints_fragment = sys.argv[1:]

    with open("data/playbook/meta.json", encoding="utf-8") as f:
        playbook = json.load(f)
    with open(playbook_fragment, encoding="utf-8") as f:
        texts = json.load(f)
    for path, text in texts.items():
        if not isinstance(text, str) or not text.strip():
            sys.exit(f"{path}: empty translation")
        set_text(playbook, path, lang, text)

    with open("data/complaints.json", encoding="utf-8") as f:
        complaints = json.load(f)
    with open(complaints_fragment, encoding="utf-8") as f:
        block = json.load(f)
    same_shape(complaints["languages"]["en"], block)
    complaints["languages"][lang] = block

    with open("data/playbook/meta.json", "w", encoding="utf-8") as f:
        json.dump(playbook, f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open("data/complaints.json", "w", encoding="utf-8") as f:
        json.dump(complaints, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
