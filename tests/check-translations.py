#!/usr/bin/python3
# tests/check-translations.py — no English left where a person looks
# Copyright 2026 The Objector authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""For each language of po/LINGUAS: walks the wizard at 360 px (test-wizard
--dump-texts, which also fails on a cut label) and runs the command line, and
fails on any text that is still the English original of a translated message
or playbook text. Prints TAP."""

import json
import os
import re
import subprocess
import sys
import tempfile

SOURCE, BUILD, OBJECTOR, WIZARD = sys.argv[1:5]


def unquote(s):
    return json.loads(s) if s.startswith('"') else ""


def parse_po(path):
    """msgid -> [msgstr...] of the entries that are translated and not fuzzy."""
    entries, current, key, fuzzy = {}, {}, None, False
    lines = open(path, encoding="utf-8").read().split("\n") + [""]
    for line in lines:
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid ") or line.startswith("msgid_plural ") or line.startswith("msgstr") or line.startswith("msgctxt "):
            key, _, value = line.partition(" ")
            current[key] = unquote(value)
        elif line.startswith('"') and key:
            current[key] += unquote(line)
        elif not line.strip():
            if current.get("msgid") and not fuzzy:
                strs = [v for k, v in current.items() if k.startswith("msgstr")]
                entries[current["msgid"]] = strs
                if "msgid_plural" in current:
                    entries[current["msgid_plural"]] = strs
            current, key, fuzzy = {}, None, False
    return entries


def plain(text):
    # The mnemonic underscore is not shown.
    return re.sub(r"_(?=\w)", "", text, count=1)


def english_left(lang):
    entries = parse_po(os.path.join(SOURCE, "po", lang + ".po"))
    english = set()
    for msgid, strs in entries.items():
        if "%" in msgid or not any(strs) or all(s == msgid for s in strs):
            continue  # formats are checked by msgfmt; names stay names
        if len(msgid) < 4:
            continue
        english.add(plain(msgid))
    playbook = json.load(open(os.path.join(SOURCE, "data", "playbook", "meta.json"), encoding="utf-8"))

    def walk(node):
        if isinstance(node, dict):
            if "en" in node and all(isinstance(v, str) for v in node.values()):
                if node.get(lang.split("_")[0], node.get(lang)) not in (None, node["en"]):
                    english.add(node["en"])
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(playbook)
    # The states' names (`objector status`, `mark`: "ready → submitted") are
    # identifiers, printed as they are in every language (README, "The state
    # machine"); "ready" is also a translated word elsewhere (an account's status).
    english -= {"draft", "ready", "form-opened", "submitted", "confirmed", "acknowledged",
                "approved", "rejected", "escalated", "withdrawn"}
    # A word both languages share ("LAND" is Dutch for COUNTRY) is no English left.
    for strs in entries.values():
        for text in strs:
            english.discard(plain(text))
    return english


def run(args, env, **kw):
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, **kw)


def main():
    langs = [l.strip() for l in open(os.path.join(SOURCE, "po", "LINGUAS")) if l.strip() and not l.startswith("#")]
    print("1..%d" % (2 * len(langs)))
    n = 0
    failed = 0
    for lang in langs:
        english = english_left(lang)
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, LANGUAGE=lang, LC_ALL="C.UTF-8",
                       OBJECTOR_LOCALEDIR=os.path.join(BUILD, "po"),
                       XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))
            env.pop("G_DEBUG", None)  # a missing icon theme is not this test's business

            # The wizard, page by page.
            n += 1
            dump = os.path.join(home, "texts.txt")
            result = run([WIZARD, "--dump-texts", dump], env)
            problems = []
            if result.returncode != 0:
                problems.append("the wizard run failed: " + result.stderr.strip().splitlines()[-1:][0] if result.stderr.strip() else "the wizard run failed")
            elif os.path.exists(dump):
                for line in open(dump, encoding="utf-8"):
                    page, _, text = line.rstrip("\n").partition("\t")
                    if text in english:
                        problems.append("%s: “%s”" % (page, text))
            status = "ok" if not problems else "not ok"
            failed += bool(problems)
            print("%s %d %s wizard" % (status, n, lang))
            for p in sorted(set(problems))[:40]:
                print("# English left: " + p)

            # The command line.
            n += 1
            problems = []
            outputs = []
            for args in (["--help"], ["paths", "--country", "DE"], ["paths", "--country", "US"], ["status"],
                         ["mark", "--help"], ["start", "facebook-objection", "--country", "DE"],
                         ["start", "facebook-objection", "--country", "US", "--email", "a@example.org"]):
                result = run([OBJECTOR] + args, env)
                outputs.append(result.stdout + result.stderr)
            created = run([OBJECTOR, "start", "third-party", "--country", "US", "--email", "a@example.org"], env)
            ident = created.stdout.strip()
            for args in (["status"], ["mark", ident, "submit"], ["complaint", ident]):
                result = run([OBJECTOR] + args, env)
                outputs.append(result.stdout + result.stderr)
            for output in outputs:
                for line in output.splitlines():
                    for part in re.split(r"\s{2,}|: |^objector: ", line.strip()):
                        if part.strip().rstrip(".") in english or part.strip() in english:
                            problems.append(part.strip())
            status = "ok" if not problems else "not ok"
            failed += bool(problems)
            print("%s %d %s command line" % (status, n, lang))
            for p in sorted(set(problems))[:40]:
                print("# English left: " + p)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
