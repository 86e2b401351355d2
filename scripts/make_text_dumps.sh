#!/usr/bin/env bash
# Text dumps of the evaluation pages made by tools people really use, for the
# text front end (`unboil --input text`) to be measured on:
#
#   bash scripts/make_text_dumps.sh [TOOL...]
#
# writes tests/data/dumps/<set>/<tool>.json.gz ({id: text}, gzip) for the sets
# scrapinghub and trafilatura-eval and the tools lynx, w3m (`-dump`, default
# width), bs4 (BeautifulSoup `get_text("\n")`, html.parser), html2text and
# inscriptis (defaults), chromium (headless, `document.body.innerText`,
# offline). With TOOL arguments only those tools are dumped.
#
# Installs what is missing: Debian's lynx, w3m and chromium with apt-get; the
# Python libraries in a venv under target/dumps-venv. Versions used are
# printed at the end; tests/data/dumps/README.md records the ones the stored
# dumps were made with. Score the dumps with
#   cargo run --release --example evaluate -- tests/data/<set> --dumps TOOL
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/dumps-venv
tools=("$@")
if [ ${#tools[@]} -eq 0 ]; then tools=(lynx w3m bs4 html2text inscriptis chromium); fi

missing=()
for pkg in lynx w3m chromium; do
  if ! command -v "$pkg" >/dev/null; then missing+=("$pkg"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -x "$venv/bin/python" ]; then
  echo "== venv $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q beautifulsoup4 html2text inscriptis websocket-client
fi

for set in scrapinghub trafilatura-eval; do
  for tool in "${tools[@]}"; do
    "$venv/bin/python" scripts/text_dumps.py "tests/data/$set" "$tool" \
      "tests/data/dumps/$set/$tool.json.gz"
  done
done

echo "== versions"
lynx -version | head -1
w3m -version | head -1
chromium --version 2>/dev/null
"$venv/bin/pip" freeze | grep -iE '^(beautifulsoup4|html2text|inscriptis)='
