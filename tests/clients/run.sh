#!/usr/bin/env bash
# make test, last part: hizala's exports read by the clients people use — pandas and Python's
# csv module, translate-toolkit, openpyxl, xmllint, and review.html driven in Debian's Chromium
# by playwright-core. Installs what is missing (a Python venv and node_modules under target/,
# Debian packages with apt-get) and writes a screenshot of the review page next to the run it
# shows, target/clients/output/review.png (output/ holds only what `make` wrote from seeds/).
set -euo pipefail
cd "$(dirname "$0")/../.."

work=target/clients
out=$work/output
rm -rf "$out"
mkdir -p "$out"

cargo build --locked --quiet
# The seeds, a news story in English then Turkish, and a short paper whose summary thanks its
# participants in a paragraph the English does not have (so the review page has an unpaired
# Turkish paragraph to list).
target/debug/hizala run seeds tests/fixtures/scotsman.133744.en_then_tr.txt tests/fixtures/summary_with_unpaired_paragraph.txt \
  --out "$out" --quiet

install_debian() {
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
  else
    echo "tests/clients: please install the Debian packages: $*" >&2
    exit 1
  fi
}
command -v xmllint >/dev/null 2>&1 || install_debian libxml2-utils
command -v chromium >/dev/null 2>&1 || install_debian chromium

# XML well-formedness of both TMX files.
xmllint --noout "$out/parallel.tmx" "$out/sentences.tmx"
echo "parallel.tmx, sentences.tmx: well-formed (xmllint)"

# Python clients.
venv=$work/venv
if ! "$venv/bin/python" -c "import translate, openpyxl, pandas" >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/clients/requirements.txt
fi
"$venv/bin/python" tests/clients/check_exports.py "$out"

# The review page in a real browser.
node_dir=$work/node
mkdir -p "$node_dir"
cp tests/clients/node/package.json tests/clients/node/package-lock.json tests/clients/node/review.mjs "$node_dir/"
if [ ! -d "$node_dir/node_modules/playwright-core" ]; then
  (cd "$node_dir" && npm ci --no-audit --no-fund --silent)
fi
pairs=$("$venv/bin/python" -c "import csv, sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1]))))" "$out/parallel.csv")
unpaired=$("$venv/bin/python" -c "import json, sys; print(json.load(open(sys.argv[1]))['totals']['unaligned_tr'])" "$out/report.json")
node "$node_dir/review.mjs" "$out" "$pairs" "$unpaired" "$out/review.png"
