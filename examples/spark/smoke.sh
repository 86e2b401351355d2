#!/usr/bin/env bash
# Spark smoke test: the PySpark job in local mode with 2 workers, on two small
# WARC archives written from the Scrapinghub evaluation pages, output as JSON
# lines and as Parquet; fails unless every page comes back without error.
#
#   bash examples/spark/smoke.sh
#
# Installs what is missing: Java from Debian's packages (apt-get), pyspark
# from PyPI into a virtual environment (SPARK_VENV, default target/spark-venv).
# Works in target/spark-smoke; one archive is read from a file, the other
# downloaded from a web server on loopback. Needs no network once Java and
# pyspark are installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${SPARK_VENV:-target/spark-venv}
work=target/spark-smoke
started=$(date +%s)

if ! command -v java >/dev/null 2>&1; then
  echo "== Java (Debian's default-jre-headless)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless
fi
java -version 2>&1 | head -1

if ! "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
  echo "== pyspark from PyPI into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "pyspark>=3.5,<5"
fi
echo "pyspark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)')"

echo "== build unboil and two WARC archives"
cargo build --release --features cli --bin unboil --example make_warc
rm -rf "$work"
mkdir -p "$work"
pages=(tests/data/scrapinghub/html/*.html.gz)
half=$(( ${#pages[@]} / 2 ))
# One gzipped per record, as Common Crawl writes them; one plain.
target/release/examples/make_warc "$work/one.warc.gz" "${pages[@]:0:half}" > "$work/expected.txt"
target/release/examples/make_warc "$work/two.warc" "${pages[@]:half}" >> "$work/expected.txt"
# The second is fetched over HTTP, as from Common Crawl, but from loopback.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$work" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
printf '%s\n' "$PWD/$work/one.warc.gz" "http://127.0.0.1:$port/two.warc" > "$work/warc_paths.txt"
echo "$(wc -l < "$work/expected.txt") pages in 2 archives"

export PYSPARK_PYTHON="$PWD/$venv/bin/python"
export SPARK_LOCAL_IP=127.0.0.1
submit=("$venv/bin/spark-submit" --master "local[2]" --conf spark.ui.enabled=false
  --conf "spark.driver.extraJavaOptions=-Dlog4j2.level=warn")
for format in json parquet; do
  echo "== the job, $format output"
  "${submit[@]}" --files target/release/unboil examples/spark/unboil_job.py \
    "$work/warc_paths.txt" "$work/out-$format" --output-format "$format"
done

echo "== check"
"${submit[@]}" examples/spark/check.py "$work/expected.txt" "http://127.0.0.1:$port/two.warc" \
  "json=$work/out-json" "parquet=$work/out-parquet"
echo "spark smoke test passed in $(( $(date +%s) - started )) s"
