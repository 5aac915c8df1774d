#!/usr/bin/env bash
# Builds dist/cbtriage-lambda.zip for a Lambda function on the provided.al2023 runtime (deploy/lambda):
#   bootstrap   the release binary (`make release-build`: the Swift runtime linked in, --static-swift-stdlib);
#               Lambda starts it with no arguments and it runs `cbtriage lambda`
#   lib/        shared libraries the binary needs that provided.al2023 is not known to have (Lambda's default
#               LD_LIBRARY_PATH includes $LAMBDA_TASK_ROOT/lib, i.e. /var/task/lib)
# and prints the newest glibc symbol version each file needs. provided.al2023 has glibc 2.34: a zip whose files
# need a newer one (any zip built on a newer distribution, such as this repo's Debian 12 with 2.36) cannot start
# there — build it on Amazon Linux 2023 instead (docs/lambda.md). STRICT=1 makes that an error.
#
# CBTRIAGE_LAMBDA_BUNDLE: the libraries to put in lib/ (default: libhs.so.5 libpcre2-8.so.0, the two that are not
# in Amazon Linux 2023's base; libcurl, zlib, libstdc++ and glibc come from the runtime).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/release/cbtriage
[ -x "$binary" ] || { echo "build-lambda-zip: $binary is missing (make release-build)" >&2; exit 1; }
bundle=${CBTRIAGE_LAMBDA_BUNDLE:-libhs.so.5 libpcre2-8.so.0}
runtime_glibc=2.34

stage=.build/lambda-zip
rm -rf "$stage"; mkdir -p "$stage/lib" dist
install -m 755 "$binary" "$stage/bootstrap"
for name in $bundle; do
  path=$(ldd "$binary" | awk -v n="$name" '$1 == n { print $3 }')
  [ -n "$path" ] || { echo "build-lambda-zip: $binary does not link $name" >&2; exit 1; }
  install -m 644 "$(readlink -f "$path")" "$stage/lib/$name"
done

# The newest GLIBC_x.y symbol version a file asks for.
needs() { objdump -T "$1" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1; }
newest=0
for file in "$stage/bootstrap" "$stage"/lib/*; do
  version=$(needs "$file")
  echo "  ${file#$stage/}: glibc $version"
  newest=$(printf '%s\n%s\n' "$newest" "$version" | sort -V | tail -1)
done

rm -f dist/cbtriage-lambda.zip
(cd "$stage" && zip -q -r -X ../../dist/cbtriage-lambda.zip bootstrap lib)
echo "dist/cbtriage-lambda.zip ($(du -k dist/cbtriage-lambda.zip | cut -f1) KiB): needs glibc $newest; provided.al2023 has $runtime_glibc"
if [ "$(printf '%s\n%s\n' "$newest" "$runtime_glibc" | sort -V | tail -1)" != "$runtime_glibc" ]; then
  echo "build-lambda-zip: WARNING: this zip cannot start on provided.al2023 (glibc $newest > $runtime_glibc); build it on Amazon Linux 2023 (docs/lambda.md)" >&2
  [ "${STRICT:-0}" = 1 ] && exit 1
fi
exit 0
