"""Writes the metrics of aperture's training runs to fungal-image-analysis's bucket."""
import json
from datetime import datetime, timezone

import boto3

from models.training.s3_paths import key

BUCKET = "fungal-image-analysis-data"
METRICS_PREFIX = "training-metrics/*"       # blue:export s3-permissions.write


class MetricsExporter:
    def __init__(self, s3=None, bucket: str = BUCKET):
        self.s3 = s3 or boto3.client("s3")
        self.bucket = bucket

    def export(self, run_id: str, metrics: dict) -> str:
        """Uploads one run's metrics as JSON and returns the object key."""
        body = {"run": run_id, "exported_at": datetime.now(timezone.utc).isoformat(), "metrics": metrics}
        object_key = key(METRICS_PREFIX, f"{run_id}/metrics.json")
        self.s3.put_object(Bucket=self.bucket, Key=object_key, Body=json.dumps(body).encode("utf-8"),
                           ContentType="application/json")
        return object_key
