#!/usr/bin/env bash
# What `make install` and `make dist` promise, checked on the real artefacts (CI runs it):
#  - the tarball's checksum verifies and it unpacks to bin/, the man page and three completion scripts;
#  - the installed binary runs with no Swift toolchain reachable (PATH and LD_LIBRARY_PATH without it) and
#    links no libswift*: its direct libraries are only those docs/usage.md "Installing" lists;
#  - the glibc and libstdc++ symbol versions it needs are no newer than the ones documented there;
#  - it diagnoses a bundled log the same way the debug build does.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "install-check: $*" >&2; exit 1; }

tarball=$(ls -t dist/cbtriage-*-linux-*.tar.gz 2>/dev/null | head -1)
[ -n "$tarball" ] || fail "no dist/cbtriage-*.tar.gz: run make dist first"
(cd dist && sha256sum --quiet -c "$(basename "$tarball").sha256") || fail "checksum of $tarball does not verify"

root=$(mktemp -d); trap 'rm -rf "$root"' EXIT
tar -C "$root" -xzf "$tarball"
tree="$root/$(basename "$tarball" .tar.gz)"
bin="$tree/bin/cbtriage"
for file in bin/cbtriage share/man/man1/cbtriage.1 share/bash-completion/completions/cbtriage \
            share/zsh/site-functions/_cbtriage share/fish/vendor_completions.d/cbtriage.fish; do
  [ -s "$tree/$file" ] || fail "$file missing or empty in the tarball"
done
grep -q '^\.Dt CBTRIAGE 1' "$tree/share/man/man1/cbtriage.1" || fail "the man page has no .Dt CBTRIAGE 1 (mdoc) header"
for command in analyze build fetch builds summary rules; do
  grep -q "$command" "$tree/share/man/man1/cbtriage.1" || fail "the man page does not mention '$command'"
done
bash -n "$tree/share/bash-completion/completions/cbtriage" || fail "the bash completion script does not parse"

# Direct libraries: only those the docs list (plus glibc's own pieces).
allowed='^(libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|libutil\.so\.1|ld-linux-[a-z0-9-]+\.so\.[0-9]|libstdc\+\+\.so\.6|libgcc_s\.so\.1|libcurl\.so\.4|libz\.so\.1|libhs\.so\.5|libpcre2-8\.so\.0)$'
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
echo "$needed" | grep -q . || fail "readelf found no NEEDED entries"
unexpected=$(echo "$needed" | grep -Ev "$allowed" || true)
[ -z "$unexpected" ] || fail "the binary needs libraries the docs do not list: $(echo $unexpected)"

# Symbol versions no newer than documented (GLIBC_2.34, GLIBCXX_3.4.29: Amazon Linux 2023; Sources/CGlibcCompat).
newest() { objdump -T "$bin" | grep -o "$1_[0-9.]*" | sed "s/$1_//" | sort -V | tail -1; }
glibc=$(newest GLIBC); glibcxx=$(newest GLIBCXX)
[ "$(printf '%s\n' "$glibc" 2.34 | sort -V | tail -1)" = 2.34 ] || fail "needs GLIBC_$glibc, the docs say 2.34"
[ -z "$glibcxx" ] || [ "$(printf '%s\n' "$glibcxx" 3.4.29 | sort -V | tail -1)" = 3.4.29 ] || fail "needs GLIBCXX_$glibcxx, the docs say 3.4.29"

# Runs without the toolchain: a minimal environment, no Swift on PATH or in LD_LIBRARY_PATH.
run() { env -i PATH=/usr/bin:/bin HOME="$root" NO_COLOR=1 COLUMNS=100 LANG=C.UTF-8 TZ=UTC "$bin" "$@"; }
ldd "$bin" | grep -qi 'libswift' && fail "the binary links the Swift runtime dynamically"
run --version | grep -Eq '^cbtriage [0-9]' || fail "--version did not print 'cbtriage VERSION'"
installed=$(run --quiet Fixtures/logs/ecr-auth-expired-push.log)
debug=$(env -i PATH=/usr/bin:/bin HOME="$root" NO_COLOR=1 COLUMNS=100 LANG=C.UTF-8 TZ=UTC .build/debug/cbtriage --quiet Fixtures/logs/ecr-auth-expired-push.log)
[ "$installed" = "$debug" ] || fail "the installed binary says '$installed', the debug build '$debug'"

echo "install-check: $(basename "$tarball") ok ($(du -h "$bin" | cut -f1) binary; needs GLIBC_$glibc${glibcxx:+, GLIBCXX_$glibcxx}; libraries: $(echo $needed))"
