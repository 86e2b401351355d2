#!/usr/bin/env bash
# The --highlight page as a person sees it: renders `unboil --highlight` of
# two bundled pages in headless Chromium and checks each screenshot is not
# blank and shows both the kept blocks' colour and the dropped blocks' colour
# (examples/check_screenshot.rs reads the colours from the page's style).
#
#   bash scripts/highlight_screenshot.sh
#
# Installs Debian's chromium with apt-get when /usr/bin/chromium is missing.
# Works in target/highlight-shot (the pages and PNGs stay there to look at).
# Uses no network once Chromium is installed: the pages are self-contained
# and Chromium runs with its background networking off.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/highlight-shot
chromium=/usr/bin/chromium
started=$(date +%s)

if [ ! -x "$chromium" ]; then
  echo "== Chromium (Debian's chromium)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# (2>/dev/null: Debian's launcher script warns about its /dev/shm test here.)
"$chromium" --version 2>/dev/null

echo "== build unboil and the screenshot check"
cargo build --release --all-features --bin unboil --example check_screenshot
rm -rf "$work"
mkdir -p "$work"

# A real news page (gzipped, as saved) and a small made-up one.
pages=(
  tests/data/scrapinghub/html/57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca.html.gz
  tests/fixtures/html/blog_sidebar_comments/input.html
)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for i in "${!pages[@]}"; do
  html="$PWD/$work/page$i.html"
  shot="$PWD/$work/page$i.png"
  echo "== ${pages[$i]}"
  target/release/unboil --highlight "${pages[$i]}" > "$html"
  # A new empty profile each time; no GPU, sandbox, QUIC or background
  # fetches (updates, sync, first-run pages) on this machine.
  rm -rf "${profile:?}"/*
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$profile" \
    --screenshot="$shot" --window-size=1280,2000 "file://$html" \
    > "$work/chromium$i.log" 2>&1 || {
      echo "chromium failed:" >&2
      cat "$work/chromium$i.log" >&2
      exit 1
    }
  if [ ! -s "$shot" ]; then
    echo "chromium wrote no screenshot:" >&2
    cat "$work/chromium$i.log" >&2
    exit 1
  fi
  target/release/examples/check_screenshot "$shot" "$html"
done
echo "highlight screenshots passed in $(( $(date +%s) - started )) s"
