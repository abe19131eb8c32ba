"""The tutorial's blog-service, for the docker engine: the same behaviour as dev.lab.app.BlogService.

At start it makes sure its bucket exists (headBucket, then createBucket on 404, logging as the
tutorial's @PostConstruct does), then serves POST /api/v1/files/upload (multipart field "file")
and GET /actuator/health on port 8081.
"""
import json
import os
import sys
import uuid
from email.parser import BytesParser
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3
from botocore.exceptions import ClientError, BotoCoreError

ENDPOINT = os.environ.get("AWS_S3_ENDPOINT", "http://localstack:4566")
BUCKET = os.environ.get("AWS_S3_BUCKET_NAME", "portal-blog-uploads")
PUBLIC = os.environ.get("FILE_PUBLIC_BASE_URL", "http://localhost:4566")
s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
                  aws_access_key_id="test", aws_secret_access_key="test",
                  config=boto3.session.Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))


def log(line):
    print(line, flush=True)


def ensure_bucket_exists():
    try:
        s3.head_bucket(Bucket=BUCKET)
        log(f"✅ S3 bucket '{BUCKET}' exists")
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") in ("404", "NoSuchBucket", "NotFound"):
            try:
                s3.create_bucket(Bucket=BUCKET)
                log(f"🚀 Created S3 bucket '{BUCKET}'")
            except (ClientError, BotoCoreError) as e2:
                log(f"❌ Failed to ensure bucket exists: {e2}")
        else:
            log(f"❌ Failed to ensure bucket exists: {e}")
    except BotoCoreError as e:
        log(f"❌ Failed to ensure bucket exists: {e}")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/actuator/health":
            self.reply(200, {"status": "UP"})
        else:
            self.reply(404, {"success": False, "error": {"message": "Not Found"}})

    def do_POST(self):
        if self.path != "/api/v1/files/upload":
            self.reply(404, {"success": False, "error": {"message": "Not Found"}})
            return
        length = int(self.headers.get("Content-Length", "0"))
        raw = b"Content-Type: " + self.headers.get("Content-Type", "").encode() + b"\r\n\r\n" + self.rfile.read(length)
        message = BytesParser(policy=default).parsebytes(raw)
        part = next((p for p in message.iter_parts() if p.get_param("name", header="content-disposition") == "file"), None)
        if part is None:
            self.reply(400, {"success": False, "error": {"message": "Required part 'file' is not present."}})
            return
        key = f"{uuid.uuid4()}-{part.get_filename() or 'upload'}"
        try:
            s3.put_object(Bucket=BUCKET, Key=key, Body=part.get_payload(decode=True),
                          ContentType=part.get_content_type())
        except (ClientError, BotoCoreError) as e:
            log(f"❌ Failed to upload file: {e}")
            self.reply(500, {"success": False, "error": {"message": f"File upload failed: {e}"}})
            return
        log(f"Uploaded file '{key}' to bucket '{BUCKET}'")
        self.reply(200, {"success": True, "data": {"fileUrl": f"{PUBLIC}/{BUCKET}/{key}"}})


if __name__ == "__main__":
    log(f"Starting BlogServiceApplication using Python {sys.version.split()[0]}")
    ensure_bucket_exists()
    server = ThreadingHTTPServer(("0.0.0.0", 8081), Handler)
    log("Tomcat started on port 8081 (http) with context path '/'")
    log("Started BlogServiceApplication")
    server.serve_forever()
