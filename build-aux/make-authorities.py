#!/usr/bin/python3
# make-authorities.py — builds data/authorities.json from the datenanfragen records
#
# Copyright 2026 The Objector authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by hand (Debian's /usr/bin/python3, standard library only) when the
# source records or the corrections below change, and commit the output:
#
#   build-aux/make-authorities.py /work/shared/reference/supervisory-authorities \
#       > data/authorities.json
#
# The app reads only the output, bundled in its gresource.  The records come
# from https://github.com/datenanfragen/data (commit 0a29c3d6, CC0 1.0).  The
# output keeps what a complaint needs, turns country codes to upper case,
# names the Land of each German regional authority, drops the authorities a
# complaint about Meta never goes to (church, broadcasting, public-sector
# and federal authorities in Germany), and applies the corrections listed in
# CORRECTIONS, which are copied into the output with their reasons.

import json
import os
import sys

SOURCE = "datenanfragen/data, commit 0a29c3d6 (CC0 1.0), https://github.com/datenanfragen/data"

# Meta Platforms Ireland Ltd has its main establishment in Ireland, so the
# Irish DPC is its lead supervisory authority (GDPR Art. 56).
LEAD = "iedpc"

# Every EU and EEA country, the UK and Switzerland must resolve to exactly one
# authority (Germany: one per Land).
REQUIRED_COUNTRIES = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    "IS", "LI", "NO",
    "GB", "CH",
]

# German authorities for the non-public sector of each Land: they supervise
# companies such as Meta for residents of that Land.  (Bavaria is the one Land
# with two authorities: BayLDA for companies, the BayLfD for public bodies.)
# Land name, ISO 3166-2 code, English name.
GERMAN_LAENDER = {
    "debawueldb": ("Baden-Württemberg", "DE-BW", "Baden-Württemberg"),
    "debaylda": ("Bayern", "DE-BY", "Bavaria"),
    "deberlbdi": ("Berlin", "DE-BE", "Berlin"),
    "debralda": ("Brandenburg", "DE-BB", "Brandenburg"),
    "debrelfdi": ("Bremen", "DE-HB", "Bremen"),
    "dehmbbfdi": ("Hamburg", "DE-HH", "Hamburg"),
    "dehessbdi": ("Hessen", "DE-HE", "Hesse"),
    "demvldi": ("Mecklenburg-Vorpommern", "DE-MV", "Mecklenburg-Western Pomerania"),
    "dendslfd": ("Niedersachsen", "DE-NI", "Lower Saxony"),
    "denrwldi": ("Nordrhein-Westfalen", "DE-NW", "North Rhine-Westphalia"),
    "derlpbdi": ("Rheinland-Pfalz", "DE-RP", "Rhineland-Palatinate"),
    "desaarudz": ("Saarland", "DE-SL", "Saarland"),
    "desaechsdsb": ("Sachsen", "DE-SN", "Saxony"),
    "desalbd": ("Sachsen-Anhalt", "DE-ST", "Saxony-Anhalt"),
    "deshuld": ("Schleswig-Holstein", "DE-SH", "Schleswig-Holstein"),
    "detlfdi": ("Thüringen", "DE-TH", "Thuringia"),
}

EXCLUDED = {
    "debayldb": "Bavarian authority for public bodies; companies in Bavaria are supervised by the BayLDA (debaylda)",
    "debfdi": "federal authority: supervises federal bodies and telecommunications and postal companies, not Meta's social networks",
    "deekdbfd": "supervises the Protestant church (EKD) only",
    "dekathbayddsb": "supervises Catholic dioceses only",
    "dekathdsz": "supervises Catholic dioceses only",
    "dekathffdsz": "supervises Catholic dioceses only",
    "dekathnordddsb": "supervises Catholic dioceses only",
    "dekathostddsb": "supervises Catholic dioceses only",
    "derf": "supervises public broadcasters only",
    "derfdw": "supervises Deutsche Welle only",
}

# Which law a complaint cites: the GDPR, the UK GDPR with the Data Protection
# Act 2018, or Switzerland's Federal Act on Data Protection.
LAW = {"GB": "uk-gdpr", "CH": "ch-fadp"}

# Corrections to the source records, checked against the authorities' own
# sites as known in 2026.  Each replaces the named fields.
CORRECTIONS = [
    {
        "slug": "plgiodo",
        "fields": {
            "slug": "pluodo",
            "name": "Urząd Ochrony Danych Osobowych (UODO, Personal Data Protection Office of Poland)",
            "address": "ul. Stawki 2\n00-193 Warszawa\nPoland",
            "email": "kancelaria@uodo.gov.pl",
            "web": "https://uodo.gov.pl",
        },
        "why": "GIODO (Generalny Inspektor Ochrony Danych Osobowych) was replaced by the UODO on 25 May 2018; the record kept the old slug, so it is renamed, and the name, address, email and website are set to the UODO's.",
    },
    {
        "slug": "iedpc",
        "fields": {
            "name": "Data Protection Commission (DPC)",
            "phone": "+353 1 765 0100",
        },
        "why": "The authority calls itself the Data Protection Commission (DPC); the 1800 number in the record is a free number that works only from within Ireland, so the Dublin number that works from abroad replaces it.",
    },
    {
        "slug": "gbico",
        "fields": {
            "name": "Information Commissioner’s Office (ICO)",
            "email": "casework@ico.org.uk",
        },
        "why": "The record had no email address; the ICO takes complaint forms and documents at casework@ico.org.uk. The abbreviation ICO is added to the name because that is how the office is known.",
    },
    {
        "slug": "frcnil",
        "fields": {
            "name": "Commission nationale de l’informatique et des libertés (CNIL)",
        },
        "why": "The record's name carried an English gloss after a dash; the official name with its abbreviation is clearer on a letter. The CNIL takes complaints through its web form (https://www.cnil.fr/fr/plaintes) or by post only, so no email address is given.",
    },
    {
        "slug": "atdsb",
        "fields": {
            "name": "Österreichische Datenschutzbehörde (Austrian Data Protection Authority)",
        },
        "why": "English gloss added, as the other records have one.",
    },
    {
        "slug": "chedoeb",
        "fields": {
            "name": "Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter (EDÖB; Federal Data Protection and Information Commissioner, FDPIC)",
        },
        "why": "The English name and abbreviation (FDPIC) added: the French- and Italian-speaking parts of Switzerland know it as PFPDT/IFPDT, and FDPIC is the neutral one.",
    },
    {
        "slug": "itgpdp",
        "fields": {
            "email": "protocollo@gpdp.it",
        },
        "why": "protocollo@pec.gpdp.it is a certified-mail (PEC) address that expects messages from PEC accounts; the Garante's ordinary address protocollo@gpdp.it accepts complaints from anyone.",
    },
    {
        "slug": "beapd",
        "fields": {
            "complaint_language": "fr",
        },
        "why": "The record names no complaint language; the authority accepts French, Dutch and German. French is chosen as the default because Objector has a French complaint template; Dutch speakers can pick English or translate.",
    },
    {
        "slug": "lucnpd",
        "fields": {
            "complaint_language": "fr",
        },
        "why": "The record names no complaint language; the CNPD works in French, German and English. French is its main administrative language.",
    },
    {
        "slug": "roanspdcp",
        "fields": {
            "complaint_language": "ro",
        },
        "why": "The record names no complaint language; the ANSPDCP works in Romanian.",
    },
]

KEEP = ["slug", "name", "address", "email", "phone", "webform", "web"]


def fail(message):
    print("make-authorities.py: " + message, file=sys.stderr)
    sys.exit(1)


def convert(record):
    out = {}
    for key in KEEP:
        if key in record:
            out[key] = record[key]
    countries = [c.upper() for c in record.get("relevant-countries", []) if c != "all"]
    if not countries:
        fail("%s: no country" % record["slug"])
    out["countries"] = countries
    language = record.get("complaint-language")
    if language:
        out["complaint_language"] = language
    return out


def main():
    if len(sys.argv) != 2:
        fail("usage: make-authorities.py SOURCE-DIRECTORY > data/authorities.json")
    directory = sys.argv[1]

    records = {}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json") or name == "SCHEMA.json":
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            record = json.load(f)
        records[record["slug"]] = record

    authorities = []
    for slug, record in records.items():
        if slug in EXCLUDED:
            continue
        authority = convert(record)
        if "DE" in authority["countries"]:
            if slug not in GERMAN_LAENDER:
                fail("%s: a German authority that is neither mapped to a Land nor excluded" % slug)
            land, code, english = GERMAN_LAENDER[slug]
            authority["region"] = land
            authority["region_code"] = code
            if english != land:
                authority["region_aliases"] = [english]
        authorities.append(authority)

    by_slug = {a["slug"]: a for a in authorities}
    corrections = []
    for correction in CORRECTIONS:
        authority = by_slug.get(correction["slug"])
        if authority is None:
            fail("correction for unknown record %s" % correction["slug"])
        changed = sorted(correction["fields"])
        for key, value in correction["fields"].items():
            authority[key] = value
        corrections.append({"slug": authority["slug"], "source_slug": correction["slug"],
                            "fields": changed, "why": correction["why"]})

    for authority in authorities:
        country = authority["countries"][0]
        authority["law"] = LAW.get(country, "gdpr")
        authority.setdefault("complaint_language", "en")

    # Countries first (in REQUIRED_COUNTRIES order), then the Länder by name.
    def order(a):
        country = a["countries"][0]
        rank = REQUIRED_COUNTRIES.index(country) if country in REQUIRED_COUNTRIES else len(REQUIRED_COUNTRIES)
        return (rank, a.get("region", ""), a["slug"])
    authorities.sort(key=order)

    for country in REQUIRED_COUNTRIES:
        matching = [a for a in authorities if country in a["countries"]]
        if country == "DE":
            if len(matching) != 16:
                fail("DE: %d Länder authorities instead of 16" % len(matching))
        elif len(matching) != 1:
            fail("%s: %d authorities instead of one" % (country, len(matching)))

    if LEAD not in {a["slug"] for a in authorities}:
        fail("the lead authority %s is missing" % LEAD)

    output = {
        "format": 1,
        "source": SOURCE,
        "generated_by": "build-aux/make-authorities.py",
        "lead": LEAD,
        "excluded": [{"slug": slug, "why": why} for slug, why in sorted(EXCLUDED.items())],
        "corrections": corrections,
        "authorities": [{key: a[key] for key in ["slug", "name", "countries", "region",
                                                   "region_code", "region_aliases", "address",
                                                   "email", "phone", "webform", "web",
                                                   "complaint_language", "law"] if key in a}
                        for a in authorities],
    }
    json.dump(output, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
