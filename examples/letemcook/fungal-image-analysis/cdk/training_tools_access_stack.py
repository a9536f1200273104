"""IAM access of aperture's training tools to the fungal-image-analysis data bucket.

This file is the binding of the s3-permissions contract that fungal-image-analysis imports (realm
letemcook, domain s3-access): every path aperture exports must be granted below.
scripts/validate-iam-policy.sh, the contract's importer hook, checks it.
"""
from aws_cdk import Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct

BUCKET_NAME = "fungal-image-analysis-data"

READ_PATHS = [
    "jobs/*/masks/*",
    "jobs/*/*/config.json",
    "training-runs/*",
    "training-metrics/*",
]

WRITE_PATHS = [
    "jobs/*/*/manifest.json",
    "training-metrics/*",
]


class TrainingToolsAccessStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, aperture_role_arn: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        bucket = s3.Bucket.from_bucket_name(self, "Data", BUCKET_NAME)
        role = iam.Role.from_role_arn(self, "ApertureTrainingTools", aperture_role_arn)
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["s3:GetObject", "s3:ListBucket"],
            resources=[bucket.arn_for_objects(path) for path in READ_PATHS],
        ))
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["s3:PutObject"],
            resources=[bucket.arn_for_objects(path) for path in WRITE_PATHS],
        ))
