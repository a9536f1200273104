#!/bin/sh
# Importer hook of s3-permissions (realm letemcook): every path aperture exports must be granted
# in the IAM stack. blue runs it before acknowledging a new version, and in `blue realm check`,
# with the contract as JSON on stdin; its S3 paths are the strings that contain a '/'.
# Exit 0: granted; 1: a path is missing (blue does not acknowledge).
set -f
stack=cdk/training_tools_access_stack.py
missing=0
for path in $(grep -o '"[^"]*/[^"]*"' | tr -d '"'); do
  if ! grep -qF "\"$path\"" "$stack"; then
    echo "IAM policy lacks $path: add it to $stack" >&2
    missing=1
  fi
done
exit $missing
