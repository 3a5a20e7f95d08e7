"""Runs SummarySql's Spark queries on Apache Spark in local mode.

Reads a JSON job on standard input:
  {"parquet": PATH, "partitions": N, "out": DIR,
   "whole": {"sql": ..., "params": [...]},      # over parquet.`PATH`
   "parts": {"sql": ..., "params": [...]}}      # over the view `measurements`
The view `measurements` is the Parquet file cut into N partitions, with each
row's Spark partition id in the column `part`. Spark writes the rows of each
query as JSON files (one per task) under DIR/whole and DIR/parts; the test
reads them back and merges the partial summaries in the library.
"""
import json
import sys

from pyspark.sql import SparkSession
from pyspark.sql.functions import spark_partition_id

job = json.load(sys.stdin)
spark = (
    SparkSession.builder.master("local[2]")
    .appName("welfare-summary-sql")
    .config("spark.ui.enabled", "false")
    .config("spark.sql.shuffle.partitions", "4")
    .config("spark.driver.memory", "512m")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
try:
    df = spark.read.parquet(job["parquet"]).repartition(job["partitions"])
    df.withColumn("part", spark_partition_id()).createOrReplaceTempView("measurements")
    for name in ("whole", "parts"):
        q = job[name]
        spark.sql(q["sql"], args=q["params"]).write.mode("overwrite").json(f"{job['out']}/{name}")
finally:
    spark.stop()
