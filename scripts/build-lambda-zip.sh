#!/usr/bin/env bash
# Builds dist/cbtriage-lambda.zip for a Lambda function on the provided.al2023 runtime (deploy/lambda):
#   bootstrap   the release binary (`make release-build`: the Swift runtime linked in, --static-swift-stdlib);
#               Lambda starts it with no arguments and it runs `cbtriage lambda`
#   lib/        shared libraries the binary needs that provided.al2023 is not known to have (Lambda's default
#               LD_LIBRARY_PATH includes $LAMBDA_TASK_ROOT/lib, i.e. /var/task/lib)
# and prints the newest glibc and libstdc++ symbol versions each file needs. provided.al2023 has glibc 2.34 and
# GCC 11's libstdc++ (GLIBCXX_3.4.29): a zip whose files need newer ones cannot start there (the release binary
# asks for no newer ones: Sources/CGlibcCompat; a bundled library might). STRICT=1 makes that an error.
#
# CBTRIAGE_LAMBDA_BUNDLE: the libraries to put in lib/ (default: libhs.so.5 libpcre2-8.so.0, the two that are not
# in Amazon Linux 2023's base; libcurl, zlib, libstdc++ and glibc come from the runtime).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/release/cbtriage
[ -x "$binary" ] || { echo "build-lambda-zip: $binary is missing (make release-build)" >&2; exit 1; }
bundle=${CBTRIAGE_LAMBDA_BUNDLE:-libhs.so.5 libpcre2-8.so.0}
runtime_glibc=2.34
runtime_cxx=3.4.29

stage=.build/lambda-zip
rm -rf "$stage"; mkdir -p "$stage/lib" dist
install -m 755 "$binary" "$stage/bootstrap"
for name in $bundle; do
  path=$(ldd "$binary" | awk -v n="$name" '$1 == n { print $3 }')
  [ -n "$path" ] || { echo "build-lambda-zip: $binary does not link $name" >&2; exit 1; }
  install -m 644 "$(readlink -f "$path")" "$stage/lib/$name"
done

# The newest symbol version (GLIBC_x.y, GLIBCXX_3.4.z) a file asks for; 0 for none.
needs() { objdump -T "$2" | grep -o "$1_[0-9][0-9.]*" | sed "s/$1_//" | sort -V | tail -1 | grep . || echo 0; }
newer() { printf '%s\n%s\n' "$1" "$2" | sort -V | tail -1; }
newest=0; newest_cxx=0
for file in "$stage/bootstrap" "$stage"/lib/*; do
  version=$(needs GLIBC "$file"); cxx=$(needs GLIBCXX "$file")
  echo "  ${file#$stage/}: glibc $version, libstdc++ $cxx"
  newest=$(newer "$newest" "$version"); newest_cxx=$(newer "$newest_cxx" "$cxx")
done

rm -f dist/cbtriage-lambda.zip
(cd "$stage" && zip -q -r -X ../../dist/cbtriage-lambda.zip bootstrap lib)
echo "dist/cbtriage-lambda.zip ($(du -k dist/cbtriage-lambda.zip | cut -f1) KiB): needs glibc $newest and libstdc++ $newest_cxx;" \
  "provided.al2023 has glibc $runtime_glibc and libstdc++ $runtime_cxx (GCC 11)"
if [ "$(newer "$newest" "$runtime_glibc")" != "$runtime_glibc" ] || [ "$(newer "$newest_cxx" "$runtime_cxx")" != "$runtime_cxx" ]; then
  echo "build-lambda-zip: WARNING: this zip cannot start on provided.al2023 (it needs newer glibc or libstdc++ symbols" \
    "than the runtime has); build it on Amazon Linux 2023 (docs/lambda.md)" >&2
  [ "${STRICT:-0}" = 1 ] && exit 1
fi
exit 0
