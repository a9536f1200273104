"""Publishes curated training datasets for ml-infra's training jobs.

The bucket, prefixes, formats and queue below carry `blue:export` markers: they are the value of
the training-datasets contract (realm letemcook, domain training-pipeline) that ml-infra imports.
"""
import json

import boto3

TRAINING_BUCKET = "fungal-image-analysis-training"  # blue:export training-datasets.bucket
SEGMENTATION = "datasets/segmentation/*"            # blue:export training-datasets.datasets
CLASSIFICATION = "datasets/classification/*"        # blue:export training-datasets.datasets
READY_QUEUE = "fungal-datasets-ready"               # blue:export training-datasets.ready_queue
IMAGE_FORMATS = ["png", "tiff"]                     # blue:export training-datasets.image_formats = ["png", "tiff"]


def publish(dataset: str, version: str, manifest: dict, s3=None, sqs=None) -> str:
    """Uploads a dataset version's manifest, then announces it on the ready queue."""
    s3 = s3 or boto3.client("s3")
    sqs = sqs or boto3.client("sqs")
    prefix = {"segmentation": SEGMENTATION, "classification": CLASSIFICATION}[dataset]
    manifest_key = prefix.replace("*", f"{version}/manifest.json")
    s3.put_object(Bucket=TRAINING_BUCKET, Key=manifest_key, Body=json.dumps(manifest).encode("utf-8"))
    queue_url = sqs.get_queue_url(QueueName=READY_QUEUE)["QueueUrl"]
    sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(
        {"dataset": dataset, "version": version, "bucket": TRAINING_BUCKET, "manifest": manifest_key}))
    return manifest_key
