"""Check a job's outputs: every expected URL came back once, with no error.

    spark-submit examples/spark/check.py EXPECTED_URLS.txt WARC json=DIR parquet=DIR

WARC is one archive as listed in the job's input: some records must name it.
"""

import sys

from pyspark.sql import SparkSession


def main():
    expected_file, warc, outputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    expected = {line.strip() for line in open(expected_file) if line.strip()}
    spark = SparkSession.builder.appName("unboil-check").getOrCreate()
    ok = True
    for output in outputs:
        kind, _, path = output.partition("=")
        reader = spark.read.json if kind == "json" else spark.read.parquet
        rows = reader(path).select("url", "warc", "text", "error").collect()
        ok &= check(kind, rows, expected)
        if not any(row.warc == warc for row in rows):
            print(f"{kind}: FAILED: no record names {warc} as its archive")
            ok = False
    spark.stop()
    sys.exit(0 if ok else 1)


def check(kind, rows, expected):
    urls = [row.url for row in rows]
    problems = []
    if len(urls) != len(set(urls)):
        problems.append(f"{len(urls) - len(set(urls))} URLs came back more than once")
    missing = expected - set(urls)
    extra = set(urls) - expected
    if missing:
        problems.append(f"{len(missing)} pages missing, e.g. {sorted(missing)[:3]}")
    if extra:
        problems.append(f"{len(extra)} unexpected records, e.g. {sorted(extra, key=str)[:3]}")
    failed = [row for row in rows if row.error is not None]
    if failed:
        problems.append(f"{len(failed)} errors, e.g. {failed[0].url}: {failed[0].error}")
    empty = [row.url for row in rows if row.error is None and not row.text]
    print(f"{kind}: {len(rows)} records for {len(expected)} pages; {len(empty)} with empty text")
    if problems:
        print(f"{kind}: FAILED: " + "; ".join(problems))
        return False
    print(f"{kind}: every page came back")
    return True


if __name__ == "__main__":
    main()
