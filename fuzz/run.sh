#!/usr/bin/env bash
# Run each fuzz target for a bounded time: `fuzz/run.sh [SECONDS]` (default
# 120 per target). Needs a nightly toolchain and cargo-fuzz; installs them
# when missing. Seeds the HTML target's corpus with the evaluation pages (cut
# to 4 KB: whole pages run at 9 inputs a second) and the text target's with
# the text fixtures; `parse_equivalence` (our tokenizer against html5ever's
# on the same input) starts from the HTML seeds. Crashes land in
# fuzz/artifacts/TARGET/; the script exits non-zero if any target failed.
#
# A crash found goes into the regression corpus: minimise it
# (`cargo fuzz tmin TARGET fuzz/artifacts/TARGET/crash-...`), copy it to
# tests/fixtures/regressions/ under a name that says what it is, and fix it;
# `cargo test` (tests/regressions.rs) replays every file there in HTML and
# text mode from then on. The regression files also seed the corpora.
#
# SANITIZER=address (or memory, thread) checks the unsafe code of the
# dependencies too, but runs slower; the default, none, is for
# panics, aborts, stack overflows, timeouts and memory blow-ups.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-120}"
sanitizer="${SANITIZER:-none}"
# Inputs up to this many bytes; 16x the seeds, room for repeats and splices.
max_len=65536

# (grep reads all of the list: with -q, pipefail would see rustup's SIGPIPE.)
rustup toolchain list | grep '^nightly' >/dev/null || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# Seed corpora, made once (the corpus directories are not committed).
if [ ! -d corpus/extract_bytes ]; then
  mkdir -p corpus/extract_bytes
  for page in ../tests/data/scrapinghub/html/*.html.gz; do
    name=$(basename "$page" .html.gz)
    # head closes the pipe early: gzip's SIGPIPE is expected.
    gzip -dc "$page" | head -c 4096 > "corpus/extract_bytes/${name:0:16}" || true
  done
  cp ../tests/fixtures/regressions/* corpus/extract_bytes/
fi
if [ ! -d corpus/extract_text_bytes ]; then
  mkdir -p corpus/extract_text_bytes
  for input in ../tests/fixtures/text/*/input.txt; do
    cp "$input" "corpus/extract_text_bytes/$(basename "$(dirname "$input")")"
  done
  cp ../tests/fixtures/regressions/* corpus/extract_text_bytes/
fi

# The parser oracle starts from the same page heads as the HTML target.
if [ ! -d corpus/parse_equivalence ]; then
  cp -r corpus/extract_bytes corpus/parse_equivalence
fi

status=0
for target in extract_bytes extract_text_bytes parse_equivalence; do
  echo "== $target for ${seconds}s"
  # -rss_limit_mb: no input may need gigabytes; -timeout: nor seconds.
  if ! cargo +nightly fuzz run --sanitizer "$sanitizer" "$target" -- \
      -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 2>&1 | tail -n 25; then
    status=1
  fi
done
exit "$status"
