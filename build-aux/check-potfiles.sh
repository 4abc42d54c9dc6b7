#!/usr/bin/env bash
# build-aux/check-potfiles.sh [SOURCE_ROOT]
# Copyright 2026 The Objector authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a file under src/ has translatable strings (_(, N_(, C_(, NC_(, ngettext,
# translatable="yes") but is missing from po/POTFILES.in, or when POTFILES.in lists a file
# that does not exist (xgettext would stop on it).
set -euo pipefail

root="${1:-$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/..}"
cd "$root"

potfiles="po/POTFILES.in"
status=0

# Listed files, without comments and blank lines.
mapfile -t listed < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles")

for file in "${listed[@]}"; do
  if [[ ! -f "$file" ]]; then
    echo "$potfiles lists $file, which does not exist" >&2
    status=1
  fi
done

# Prints FILE without its comments (near enough: one-line /* */ and <!-- -->, the inner
# lines of block comments, whole-line //), so that a comment naming N_() is no string.
strip_comments () {
  sed -E \
    -e 's@/\*([^*]|\*+[^*/])*\*+/@@g' \
    -e 's@<!--([^-]|-[^-])*-->@@g' \
    -e 's@^[[:space:]]*(/\*|\*([[:space:]]|/|$)|//).*$@@' \
    "$1"
}

# Files with translatable strings. The GNU style puts a space before the parenthesis.
patterns=(
  -e '(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ *\('
  -e '(^|[^A-Za-z0-9_])(g_d?n?gettext|g_dpgettext2?|ngettext|gettext) *\('
  -e 'translatable="(yes|true|1)"'
)
marked=()
while IFS= read -r file; do
  # Not a pipe into grep -q: with pipefail, sed killed by SIGPIPE would count as no match.
  if grep -qE "${patterns[@]}" < <(strip_comments "$file"); then
    marked+=("$file")
  fi
done < <(grep -rlE --include='*.c' --include='*.h' --include='*.ui' "${patterns[@]}" src |
         LC_ALL=C sort)

for file in "${marked[@]}"; do
  found=0
  for entry in "${listed[@]}"; do
    if [[ "$entry" == "$file" ]]; then
      found=1
      break
    fi
  done
  if [[ $found -eq 0 ]]; then
    echo "$file has translatable strings but is missing from $potfiles" >&2
    status=1
  fi
done

if [[ $status -eq 0 ]]; then
  echo "$potfiles lists all ${#marked[@]} files of src/ with translatable strings"
fi
exit $status
