#!/bin/bash
# LocalStack runs this when it is Ready (ready.d): it creates the buckets the apps expect.
awslocal s3 mb s3://portal-blog-uploads || true
awslocal s3 mb s3://portal-user-avatars || true
echo "✅ S3 buckets initialized"
