#!/usr/bin/python3
# make-msg.py — writes the Outlook .msg test files of tests/data/mail/
#
# Copyright 2026 The Objector authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# No Outlook here, so the files are built to the specifications: a Compound
# File (MS-CFB, version 3, 512-byte sectors, small streams in the mini
# stream) holding MAPI property streams (MS-OXMSG). Run by hand (Debian's
# /usr/bin/python3, standard library only) and commit the output:
#
#   tests/data/mail/make-msg.py tests/data/mail/approval-nl.msg tests/data/mail/kept-copy.msg
#
# approval-nl.msg: a received Instagram approval in Dutch, its transport
# headers (over 4 KB, so in regular sectors) with Authentication-Results, a
# UTF-16 body, and an attachment whose own properties must not be taken for
# the message's. kept-copy.msg: a copy without transport headers, an 8-bit
# body and the sender only as Outlook's properties name it.

import struct, sys

SECT = 512; MINI = 64; CUTOFF = 4096
END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF

def utf16(s): return s.encode('utf-16-le') + b'\0\0'

def build(entries):
    # entries: list of dicts name, type (1 storage / 2 stream), data, parent (index in list, -1 root)
    sectors = []   # list of bytes (512 each)
    fat = []
    def alloc(data):
        if not data:
            return END
        n = (len(data) + SECT - 1) // SECT
        start = len(sectors)
        for i in range(n):
            chunk = data[i*SECT:(i+1)*SECT].ljust(SECT, b'\0')
            sectors.append(chunk)
            fat.append(start + i + 1 if i < n - 1 else END)
        return start
    mini = bytearray(); minifat = []
    for e in entries:
        if e['type'] != 2: continue
        d = e['data']
        if len(d) < CUTOFF:
            n = (len(d) + MINI - 1) // MINI
            start = len(mini) // MINI
            for i in range(n):
                mini += d[i*MINI:(i+1)*MINI].ljust(MINI, b'\0')
                minifat.append(start + i + 1 if i < n - 1 else END)
            e['start'] = start if n else END
        else:
            e['start'] = alloc(d)
    mini_start = alloc(bytes(mini))
    minifat_bytes = b''.join(struct.pack('<I', x) for x in minifat)
    minifat_start = alloc(minifat_bytes)
    n_minifat = (len(minifat_bytes) + SECT - 1) // SECT
    # directory
    all_entries = [{'name': 'Root Entry', 'type': 5, 'start': mini_start, 'size': len(mini), 'parent': None}] + entries
    for i, e in enumerate(all_entries):
        e.setdefault('left', NOSTREAM); e.setdefault('right', NOSTREAM); e.setdefault('child', NOSTREAM)
        if e['type'] == 2: e['size'] = len(e['data'])
        if e['type'] == 1: e['start'] = 0; e['size'] = 0
    # children lists: chain via right siblings (a degenerate but readable tree)
    kids = {}
    for i, e in enumerate(all_entries[1:], 1):
        kids.setdefault(e['parent'] + 1, []).append(i)
    for p, ks in kids.items():
        all_entries[p]['child'] = ks[0]
        for a, b in zip(ks, ks[1:]):
            all_entries[a]['right'] = b
    d = bytearray()
    for e in all_entries:
        name = e['name'].encode('utf-16-le') + b'\0\0'
        d += name.ljust(64, b'\0') + struct.pack('<HBB', len(name), e['type'], 1)
        d += struct.pack('<III', e['left'], e['right'], e['child']) + b'\0' * 16 + b'\0' * 4 + b'\0' * 16
        d += struct.pack('<IQ', e['start'], e['size'])
    while len(d) % SECT: d += (b'\0' * 64).ljust(64, b'\0') + struct.pack('<HBB', 0, 0, 0) + struct.pack('<III', NOSTREAM, NOSTREAM, NOSTREAM) + b'\0' * 36 + struct.pack('<IQ', 0, 0)
    dir_start = alloc(bytes(d))
    # FAT sectors
    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * (SECT // 4): n_fat += 1
    fat_start = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREE] * (n_fat * (SECT // 4) - len(fat))
    fat_bytes = b''.join(struct.pack('<I', x) for x in fat)
    for i in range(n_fat):
        sectors.append(fat_bytes[i*SECT:(i+1)*SECT])
    assert n_fat <= 109
    h = bytearray(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 16)
    h += struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\0' * 6
    h += struct.pack('<IIIIIIIII', 0, n_fat, dir_start, 0, CUTOFF, minifat_start if minifat else END, n_minifat, END, 0)
    difat = [fat_start + i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    h += b''.join(struct.pack('<I', x) for x in difat)
    assert len(h) == 512
    return bytes(h) + b''.join(sectors)

headers = """Return-Path: <no-reply@mail.instagram.com>
Delivered-To: zoe@example.org
Received: from mx-out.mail.instagram.com (mx-out.mail.instagram.com [66.220.155.1])
	by mx.example.org (Postfix) with ESMTPS id 4Lq0x12345
	for <zoe@example.org>; Thu, 26 Nov 2026 10:15:00 +0000 (UTC)
""" + "".join("X-Trace-%02d: %s\n" % (i, "a" * 60) for i in range(20)) + """Authentication-Results: mx.example.org;
	dkim=pass header.d=mail.instagram.com header.s=facebook;
	spf=pass smtp.mailfrom=no-reply@mail.instagram.com;
	dmarc=pass (p=REJECT) header.from=mail.instagram.com
Date: Thu, 26 Nov 2026 11:15:00 +0100
From: Instagram <no-reply@mail.instagram.com>
To: zoe@example.org
Subject: =?UTF-8?Q?Je_bezwaarverzoek?=
Message-ID: <approval-nl.msg.6@mail.instagram.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="this-is-gone"
Content-Transfer-Encoding: 7bit

""".replace('\n', '\r\n')
body = "Hallo Zoë,\r\n\r\nWe zullen je bezwaar honoreren: het wordt vanaf nu toegepast op je Instagram-account.\r\n\r\nhttps://help.instagram.com/contact/233964459562201\r\n\r\nHet Instagram-team\r\n"

entries = [
    {'name': '__substg1.0_007D001F', 'type': 2, 'data': utf16(headers), 'parent': -1},
    {'name': '__substg1.0_1000001F', 'type': 2, 'data': utf16(body), 'parent': -1},
    {'name': '__substg1.0_0037001F', 'type': 2, 'data': utf16('Je bezwaarverzoek'), 'parent': -1},
    {'name': '__properties_version1.0', 'type': 2, 'data': b'\0' * 32, 'parent': -1},
    {'name': '__attach_version1.0_#00000000', 'type': 1, 'parent': -1},
    # An attached message's own properties: never the message's.
    {'name': '__substg1.0_007D001F', 'type': 2, 'data': utf16('From: Evil <a@evil.example>\r\nSubject: wrong\r\n\r\n'), 'parent': 4},
    {'name': '__substg1.0_1000001F', 'type': 2, 'data': utf16('the attachment, not the body'), 'parent': 4},
]
open(sys.argv[1], 'wb').write(build(entries))

# A draft: no transport headers, only properties.
entries = [
    {'name': '__substg1.0_1000001E', 'type': 2, 'data': 'We have received your request.\r\n'.encode('cp1252'), 'parent': -1},
    {'name': '__substg1.0_0037001F', 'type': 2, 'data': utf16('Request received – copy'), 'parent': -1},
    {'name': '__substg1.0_0C1A001F', 'type': 2, 'data': utf16('Facebook'), 'parent': -1},
    {'name': '__substg1.0_0C1F001F', 'type': 2, 'data': utf16('noreply@facebookmail.com'), 'parent': -1},
]
open(sys.argv[2], 'wb').write(build(entries))
