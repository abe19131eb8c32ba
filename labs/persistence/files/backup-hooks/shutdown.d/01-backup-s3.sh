#!/bin/bash
# Community keeps S3 only in memory: on shutdown (SHUTDOWN stage), copy the bucket to the bind-mounted /s3-backup.
awslocal s3 sync s3://portal-blog-uploads /s3-backup
echo "💾 S3 backup written to /s3-backup"
