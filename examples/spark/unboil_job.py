"""Extract articles from WARC archives with Apache Spark and the unboil binary.

In the manner of Common Crawl's cc-pyspark jobs: the input is a text file
listing WARC archives, one path a line; Spark spreads the lines over tasks;
each task runs `unboil --jsonl` on its archives and streams the records
back; the job writes JSON lines or Parquet.

    spark-submit --master local[2] --files target/release/unboil \\
        examples/spark/unboil_job.py warc_paths.txt out/ --output-format parquet

The binary is found, in this order: `--unboil PATH`, a file named `unboil`
shipped with `spark-submit --files`, then `unboil` on the executors' PATH
(a container image with it installed). A path in the list is a file the
executors can read (a shared file system, or `file://`), or an `http://` or
`https://` URL (Common Crawl's https://data.commoncrawl.org/...), which the
task downloads to its local disk first, as cc-pyspark does.
"""

import argparse
import json
import os
import shutil
import stat
import subprocess
import tempfile
import urllib.parse
import urllib.request

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    ArrayType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

# The Parquet columns. JSON output keeps every field unboil writes; Parquet
# keeps these, and the article's blocks as one JSON string.
SCHEMA = StructType(
    [
        StructField("url", StringType()),
        StructField("warc", StringType()),
        StructField("status", IntegerType()),
        StructField("path", StringType()),
        StructField("title", StringType()),
        StructField("text", StringType()),
        StructField("comments", StringType()),
        StructField("authors", ArrayType(StringType())),
        StructField("date_published", StringType()),
        StructField("date_modified", StringType()),
        StructField("site_name", StringType()),
        StructField("language", StringType()),
        StructField("description", StringType()),
        StructField("canonical_url", StringType()),
        StructField("image", StringType()),
        StructField("tags", ArrayType(StringType())),
        StructField("categories", ArrayType(StringType())),
        StructField("page_type", StringType()),
        StructField("blocks", StringType()),
        StructField("error", StringType()),
    ]
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="text file of WARC paths, one a line")
    parser.add_argument("output", help="output directory (must not exist)")
    parser.add_argument("--output-format", choices=["json", "parquet"], default="json")
    parser.add_argument(
        "--num-input-partitions",
        type=int,
        default=None,
        help="tasks to split the WARC list into (default: one per WARC path)",
    )
    parser.add_argument("--unboil", default=None, help="path of the unboil binary")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="unboil threads per task (Spark already runs one task per core)",
    )
    parser.add_argument("--input-kind", choices=["auto", "html", "text"], default="auto")
    parser.add_argument(
        "--local-temp-dir", default=None, help="where tasks download remote archives"
    )
    return parser.parse_args()


def find_unboil(explicit):
    """The binary to run on this executor, made executable if it was shipped."""
    if explicit:
        return explicit
    shipped = SparkFiles.get("unboil")
    if os.path.isfile(shipped):
        mode = os.stat(shipped).st_mode
        if not mode & stat.S_IXUSR:
            # --files does not keep the executable bit everywhere.
            os.chmod(shipped, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return shipped
    found = shutil.which("unboil")
    if found:
        return found
    raise RuntimeError(
        "no unboil binary: ship it with `spark-submit --files PATH/unboil`, "
        "install it in the executors' image, or pass --unboil"
    )


def local_path(path):
    return path[len("file://"):] if path.startswith("file://") else path


def fetch(paths, temp_dir):
    """Local files for a task's archives: {local path: path as listed}.

    Remote archives are downloaded into temp_dir whole, then read as files.
    """
    local = {}
    for number, path in enumerate(paths):
        if not path.startswith(("http://", "https://")):
            local[local_path(path)] = path
            continue
        name = os.path.basename(urllib.parse.urlparse(path).path) or "archive.warc.gz"
        target = os.path.join(temp_dir, f"{number}-{name}")
        with urllib.request.urlopen(path) as response, open(target, "wb") as out:
            shutil.copyfileobj(response, out, 1 << 20)
        local[target] = path
    return local


def extract_partition(paths, unboil, threads, input_kind, temp_dir=None):
    """Run unboil once on all of a task's WARC files; yield its JSON lines.

    Records stream through a pipe as unboil writes them, so a task holds one
    record at a time whatever the size of its archives.
    """
    paths = [p.strip() for p in paths if p.strip()]
    if not paths:
        return
    with tempfile.TemporaryDirectory(dir=temp_dir) as downloads:
        files = fetch(paths, downloads)
        renamed = {local: listed for local, listed in files.items() if local != listed}
        command = [
            find_unboil(unboil),
            "--jsonl",
            "--quiet",
            "--threads",
            str(threads),
            "--input",
            input_kind,
            "--",
            *files,
        ]
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ) as process:
            for line in process.stdout:
                line = line.rstrip("\n")
                if renamed:
                    # Name downloaded archives by their URL, not the temporary file.
                    record = json.loads(line)
                    if record.get("warc") in renamed:
                        record["warc"] = renamed[record["warc"]]
                        line = json.dumps(record, ensure_ascii=False)
                yield line
            errors = process.stderr.read()
            status = process.wait()
    # 1 means some pages failed: they are records with "error" set.
    if status not in (0, 1):
        raise RuntimeError(f"unboil exited with {status} on {paths}: {errors.strip()}")


def to_row(line):
    record = json.loads(line)
    row = {field.name: record.get(field.name) for field in SCHEMA.fields}
    if row["blocks"] is not None:
        row["blocks"] = json.dumps(row["blocks"], ensure_ascii=False)
    return row


def main():
    args = parse_args()
    spark = SparkSession.builder.appName("unboil").getOrCreate()
    sc = spark.sparkContext
    # The list is small (one line per archive): read it once, then give each
    # archive its own task unless told otherwise.
    warcs = [line.strip() for line in sc.textFile(args.input).collect() if line.strip()]
    partitions = args.num_input_partitions or max(1, len(warcs))
    records = sc.parallelize(warcs, partitions).mapPartitions(
        lambda paths: extract_partition(
            paths, args.unboil, args.threads, args.input_kind, args.local_temp_dir
        )
    )
    if args.output_format == "json":
        records.saveAsTextFile(args.output)
    else:
        spark.createDataFrame(records.map(to_row), SCHEMA).write.parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
