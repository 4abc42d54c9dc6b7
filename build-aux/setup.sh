# build-aux/setup.sh
# shellcheck shell=bash
# Copyright 2026 The Objector authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared by build-aux/run and build-aux/test; sourced, never run on its own.
# It installs what is missing, then configures and builds _build.
#
# Environment:
#   OBJECTOR_SKIP_DEPS=1   do not look for or install system packages
#   OBJECTOR_BUILD_DIR     build directory (default: _build in the source tree)

# ---------------------------------------------------------------------------
# Package lists: the one place to add a dependency.
# "build" is what building and running needs (librsvg: GTK draws SVG icons with it);
# "test" is added by build-aux/test.
# ---------------------------------------------------------------------------

OBJECTOR_DEBIAN_BUILD_PACKAGES=(
  meson
  ninja-build
  pkg-config
  gcc
  libglib2.0-dev
  libglib2.0-bin
  libgtk-4-dev
  libadwaita-1-dev
  libsoup-3.0-dev
  libjson-glib-dev
  libgmime-3.0-dev
  # HTML mail is read with libxml2's HTML parser
  libxml2-dev
  # IMAP (scan-mail imaps://…): the protocol; TLS is GIO's (glib-networking)
  libetpan-dev
  glib-networking
  # mail accounts: GNOME Online Accounts' client library, and the keyring (Secret Service)
  libgoa-1.0-dev
  libsecret-1-dev
  libcairo2-dev
  libpango1.0-dev
  libqrencode-dev
  # Ed25519 signatures on playbook updates (hogweed, GnuTLS's own crypto library)
  nettle-dev
  gettext
  desktop-file-utils
  appstream
  librsvg2-common
  # country names in every language, for the wizard's country list
  iso-codes
  # the PDF summary draws Greek, Cyrillic, CJK, Arabic and Hebrew with these
  fonts-noto-core
  fonts-noto-cjk
)

OBJECTOR_DEBIAN_TEST_PACKAGES=(
  xvfb
  xauth
  dbus
  fonts-dejavu-core
  poppler-utils
  qpdf
  imagemagick
  valgrind
  clang
  # the sanitizer and fuzzing runtimes clang links (libFuzzer, ASan, UBSan), and
  # llvm-symbolizer, which turns their reports' addresses into file:line
  libclang-rt-dev
  llvm
  # test-no-network watches every socket; test-net makes a throwaway TLS certificate
  strace
  openssl
  # the suite runs again with the clock moved years ahead
  faketime
  # build-aux/sign-playbook, which test-playbook-trust runs
  python3-cryptography
  # test-imap and bench-imap start a real IMAP server on 127.0.0.1
  dovecot-imapd
  # test-mail-accounts starts a real keyring and a real goa-daemon on a bus of its own
  gnome-keyring
  gnome-online-accounts
)

OBJECTOR_FEDORA_BUILD_PACKAGES=(
  meson
  ninja-build
  pkgconf-pkg-config
  gcc
  glib2-devel
  gtk4-devel
  libadwaita-devel
  libsoup3-devel
  json-glib-devel
  gmime30-devel
  libxml2-devel
  libetpan-devel
  glib-networking
  gnome-online-accounts-devel
  libsecret-devel
  cairo-devel
  pango-devel
  qrencode-devel
  nettle-devel
  gettext
  desktop-file-utils
  libappstream-glib
  appstream
  librsvg2
  iso-codes
  google-noto-sans-fonts
  google-noto-sans-cjk-fonts
)

OBJECTOR_FEDORA_TEST_PACKAGES=(
  xorg-x11-server-Xvfb
  xorg-x11-xauth
  dbus-daemon
  dejavu-sans-fonts
  poppler-utils
  qpdf
  ImageMagick
  valgrind
  clang
  compiler-rt
  llvm
  strace
  openssl
  libfaketime
  python3-cryptography
  dovecot
  gnome-keyring
  gnome-online-accounts
)

# ---------------------------------------------------------------------------

OBJECTOR_SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OBJECTOR_BUILD_DIR="${OBJECTOR_BUILD_DIR:-$OBJECTOR_SOURCE_DIR/_build}"
# Debian's own interpreter: a pyenv or virtualenv python3 earlier on PATH may lack
# nothing we need, but it is not what the distribution tested meson with.
OBJECTOR_PYTHON="/usr/bin/python3"
[[ -x "$OBJECTOR_PYTHON" ]] || OBJECTOR_PYTHON="python3"

objector_say () {
  printf '==> %s\n' "$*" >&2
}

objector_warn () {
  printf 'warning: %s\n' "$*" >&2
}

# Runs a command as root: directly when we are root, through sudo otherwise.
objector_as_root () {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    objector_warn "not root and no sudo: cannot run: $*"
    return 1
  fi
}

# Prints the distribution family: debian, fedora or unknown.
objector_distro_family () {
  local id="" id_like=""
  if [[ -r /etc/os-release ]]; then
    # shellcheck disable=SC1091
    id="$(. /etc/os-release && printf '%s' "${ID:-}")"
    id_like="$(. /etc/os-release && printf '%s' "${ID_LIKE:-}")"
  fi
  case " $id $id_like " in
    *" debian "*|*" ubuntu "*) echo debian ;;
    *" fedora "*|*" rhel "*|*" centos "*) echo fedora ;;
    *)
      if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
        echo debian
      elif command -v rpm >/dev/null 2>&1 && command -v dnf >/dev/null 2>&1; then
        echo fedora
      else
        echo unknown
      fi
      ;;
  esac
}

# Prints, one per line, the Debian packages of "$@" that are not installed.
objector_debian_missing () {
  local pkg status
  for pkg in "$@"; do
    status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == ii* ]] || echo "$pkg"
  done
}

# Prints, one per line, the Fedora packages of "$@" that are not installed.
objector_fedora_missing () {
  local pkg
  for pkg in "$@"; do
    rpm -q --quiet "$pkg" 2>/dev/null || rpm -q --quiet --whatprovides "$pkg" 2>/dev/null || echo "$pkg"
  done
}

# objector_install_packages build|test
# Installs whatever of the list is missing; prints nothing when all is there.
objector_install_packages () {
  local what="$1" family
  local -a wanted missing

  if [[ "${OBJECTOR_SKIP_DEPS:-0}" == 1 ]]; then
    return 0
  fi

  family="$(objector_distro_family)"
  case "$family" in
    debian)
      wanted=("${OBJECTOR_DEBIAN_BUILD_PACKAGES[@]}")
      [[ "$what" == test ]] && wanted+=("${OBJECTOR_DEBIAN_TEST_PACKAGES[@]}")
      mapfile -t missing < <(objector_debian_missing "${wanted[@]}")
      [[ ${#missing[@]} -eq 0 ]] && return 0
      objector_say "Installing missing packages: ${missing[*]}"
      # A failing third-party source should not stop us when Debian's own lists are fine.
      objector_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 ||
        objector_warn "apt-get update reported errors; trying the install anyway"
      objector_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 \
        "${missing[@]}" >&2
      ;;
    fedora)
      wanted=("${OBJECTOR_FEDORA_BUILD_PACKAGES[@]}")
      [[ "$what" == test ]] && wanted+=("${OBJECTOR_FEDORA_TEST_PACKAGES[@]}")
      mapfile -t missing < <(objector_fedora_missing "${wanted[@]}")
      [[ ${#missing[@]} -eq 0 ]] && return 0
      objector_say "Installing missing packages: ${missing[*]}"
      objector_as_root dnf install -y "${missing[@]}" >&2
      ;;
    *)
      objector_warn "unknown distribution: not installing packages." \
        "Install meson, ninja, GTK 4, libadwaita, libsoup 3, json-glib, GMime 3, libxml2, libetpan," \
        "cairo, pango, libqrencode, gettext, desktop-file-utils and appstream yourself" \
        "(and Xvfb, xauth, dbus, poppler-utils and Dovecot for the tests)."
      ;;
  esac
}

# Configures the build directory once, then builds incrementally.
# Returns non-zero when configuring or building failed.
objector_build () {
  local build="$OBJECTOR_BUILD_DIR"

  if [[ ! -f "$build/build.ninja" ]]; then
    if [[ -e "$build/meson-private/coredata.dat" ]]; then
      # A set-up that stopped half-way: start it again with the same options.
      objector_say "Reconfiguring $build"
      meson setup --reconfigure "$build" "$OBJECTOR_SOURCE_DIR" >&2 || return 1
    else
      objector_say "Configuring $build"
      meson setup "$build" "$OBJECTOR_SOURCE_DIR" -Dprofile=development >&2 || return 1
    fi
  fi

  # Reconfigures by itself when a meson.build changed. Build output goes to standard
  # error, so that `build-aux/run status --json | jq` sees only what objector prints.
  meson compile -C "$build" >&2 || return 1
}

# ---------------------------------------------------------------------------
# The sanitizer build (clang: AddressSanitizer, UndefinedBehaviorSanitizer and the
# libFuzzer targets), shared by build-aux/test and build-aux/fuzz.
# ---------------------------------------------------------------------------

ASAN_BUILD_DIR="${OBJECTOR_ASAN_BUILD_DIR:-$OBJECTOR_SOURCE_DIR/_build-asan}"
asan_built=0
OBJECTOR_FUZZ_GATE_SEED="${OBJECTOR_FUZZ_GATE_SEED:-1}"

objector_build_asan () {
  local build="$ASAN_BUILD_DIR"
  local -a options

  if ! command -v clang >/dev/null 2>&1; then
    objector_warn "clang not found: no sanitizer build, no fuzzing"
    return 1
  fi

  # "default", not "development": clang warns where gcc does not (and the other way
  # round); _build already makes every gcc warning an error.
  # -lstdc++: libproxy, which GIO loads for the network tests, is C++ and throws
  # exceptions internally; ASan can only intercept __cxa_throw when libstdc++ is there
  # from the start, not dlopen()ed later (it aborts with "CHECK failed ... __cxa_throw").
  options=(
    -Dprofile=default
    -Dfuzzing=true
    -Db_sanitize=address,undefined
    -Db_lundef=false
    "-Dc_link_args=-Wl,--no-as-needed,-lstdc++,--as-needed"
  )

  if [[ ! -f "$build/build.ninja" ]]; then
    objector_say "Configuring $build (clang, AddressSanitizer, UndefinedBehaviorSanitizer, libFuzzer)"
    rm -rf "$build"
    CC=clang meson setup "$build" "$OBJECTOR_SOURCE_DIR" "${options[@]}" >&2 || return 1
  fi
  meson compile -C "$build" >&2 || return 1
}

# The folders of target $1's seeds, one per line (those that exist).
objector_fuzz_seed_dirs () {
  local target="$1" name folder
  while read -r name folder; do
    [[ -z "$name" || "$name" == \#* || "$name" != "$target" ]] && continue
    [[ -d "$OBJECTOR_SOURCE_DIR/$folder" ]] && echo "$OBJECTOR_SOURCE_DIR/$folder"
  done <"$OBJECTOR_SOURCE_DIR/tests/fuzz/seeds.txt"
  folder="$OBJECTOR_SOURCE_DIR/tests/data/fuzz-regressions/$target"
  [[ -d "$folder" ]] && echo "$folder"
  return 0
}

# How many runs target $1 gets in the gate (tests/fuzz/gate-runs.txt; 20000 otherwise).
objector_fuzz_gate_runs () {
  local target="$1" name runs
  while read -r name runs; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    if [[ "$name" == "$target" ]]; then
      echo "$runs"
      return 0
    fi
  done <"$OBJECTOR_SOURCE_DIR/tests/fuzz/gate-runs.txt"
  echo 20000
}

# Says what fuzz target $1 found (exit status $2, log $3, artifacts folder $4) and
# how to keep the input.
objector_fuzz_report_crash () {
  local target="$1" status="$2" log="$3" artifacts="$4" crash
  echo "error: fuzz-$target found a crash (exit status $status); its log is $log" >&2
  tail -n 60 "$log" >&2
  crash="$(ls -t "$artifacts/$target-"* 2>/dev/null | head -n 1 || true)"
  if [[ -n "$crash" ]]; then
    echo "The input is $crash. Copy it into tests/data/fuzz-regressions/$target/ so that" >&2
    echo "test-fuzz-regressions replays it, then fix the crash." >&2
  fi
}
