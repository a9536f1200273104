# Training data published by fungal-image-analysis. This file is the binding of the
# training-datasets contract that ml-infra imports (realm letemcook, domain training-pipeline):
# bucket, dataset prefixes and queue follow the contract's value.

locals {
  fungal_bucket      = "fungal-image-analysis-training"
  fungal_datasets    = ["datasets/segmentation/*", "datasets/classification/*"]
  fungal_ready_queue = "fungal-datasets-ready"
}

data "aws_sqs_queue" "fungal_ready" {
  name = local.fungal_ready_queue
}

resource "aws_iam_policy" "training_jobs_read_fungal_datasets" {
  name = "training-jobs-read-fungal-datasets"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = [for prefix in local.fungal_datasets : "arn:aws:s3:::${local.fungal_bucket}/${prefix}"]
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
        Resource = [data.aws_sqs_queue.fungal_ready.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "training_jobs" {
  role       = "training-jobs"
  policy_arn = aws_iam_policy.training_jobs_read_fungal_datasets.arn
}
