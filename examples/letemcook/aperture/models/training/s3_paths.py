"""S3 paths aperture's training tools use in fungal-image-analysis's bucket.

Each path carries a `blue:export` marker: with metrics_exporter.py they make the value of the
s3-permissions contract (realm letemcook, domain s3-access), which fungal-image-analysis grants in
its IAM policy. `blue realm status` says when this code and the realm differ.
"""

# Read: segmentation jobs' masks and configs, training runs and their metrics
JOB_MASKS = "jobs/*/masks/*"                # blue:export s3-permissions.read
JOB_CONFIG = "jobs/*/*/config.json"         # blue:export s3-permissions.read
TRAINING_RUNS = "training-runs/*"           # blue:export s3-permissions.read
TRAINING_METRICS = "training-metrics/*"     # blue:export s3-permissions.read

# Write: the manifest listing a job's reviewed masks
JOB_MANIFEST = "jobs/*/*/manifest.json"     # blue:export s3-permissions.write


def key(pattern: str, *parts: str) -> str:
    """The object key a pattern names, each `*` replaced by the next part."""
    for part in parts:
        pattern = pattern.replace("*", part, 1)
    return pattern


def manifest_key(job_id: str, run: str) -> str:
    return key(JOB_MANIFEST, job_id, run)
