#!/usr/bin/env bash
# Builds every publishable package from a clean dist/ and packs each one with `npm pack` into one
# folder, printing each tarball's name and size.
#
#   bash scripts/pack.sh [OUT_DIR]      # OUT_DIR defaults to .tmp/pack (relative to the repo root)
#
# A package is publishable when its package.json is not `"private": true`. The build is
# `tsc -b tsconfig.build.json` at the root (JS + .d.ts per package, project references in order);
# dist/ is removed first so no file of a deleted source ships. Packing skips each package's
# `prepack` script (the same incremental build, a no-op right after this one); `npm publish` and
# `lerna publish` run it.
# The last line of output is machine-readable: `PACKED <dir> <tarball> <tarball> ...`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

out=${1:-.tmp/pack}
mkdir -p "$out"
out=$(cd "$out" && pwd)

packages=()
for manifest in packages/*/package.json; do
  dir=$(dirname "$manifest")
  if [ "$(node -p "require('./$manifest').private === true")" = true ]; then
    continue
  fi
  packages+=("$dir")
done
if [ ${#packages[@]} -eq 0 ]; then
  echo "pack: no publishable package under packages/" >&2
  exit 1
fi

echo "pack: clean build of ${packages[*]}"
for dir in "${packages[@]}"; do
  rm -rf "$dir/dist" "$dir"/*.tsbuildinfo
done
t=$SECONDS
npx tsc -b tsconfig.build.json
echo "pack: built in $((SECONDS - t))s"

tarballs=()
for dir in "${packages[@]}"; do
  json=$(cd "$dir" && npm pack --json --ignore-scripts --pack-destination "$out" --loglevel warn)
  line=$(printf '%s\n' "$json" | node -e '
    const [p] = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const kb = (n) => (n / 1024).toFixed(1) + " kB";
    console.log([p.filename, kb(p.size), kb(p.unpackedSize), p.entryCount].join("\t"));
  ')
  IFS=$'\t' read -r file packed unpacked entries <<<"$line"
  printf 'pack: %-48s %10s packed, %10s unpacked, %3s files\n' "$file" "$packed" "$unpacked" "$entries"
  tarballs+=("$file")
done

echo "pack: ${#tarballs[@]} tarballs in ${out#"$root"/}"
echo "PACKED $out ${tarballs[*]}"
