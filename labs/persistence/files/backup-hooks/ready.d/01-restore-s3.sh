#!/bin/bash
# When LocalStack is Ready, re-create the bucket and restore what the last shutdown saved.
awslocal s3 mb s3://portal-blog-uploads || true
awslocal s3 sync /s3-backup s3://portal-blog-uploads
echo "♻️ S3 restored from /s3-backup"
