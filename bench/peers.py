"""Interleaved boto3 workloads against S3 endpoints; see bench/peers.sh. Args: rounds name=url=pid..."""
import os, statistics, sys, time
import boto3
from botocore.config import Config

rounds = int(sys.argv[1])
peers = [a.split("=", 2) for a in sys.argv[2:]]
cfg = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1})
clients = {n: boto3.client("s3", endpoint_url=u, region_name="us-east-1", aws_access_key_id="test",
                           aws_secret_access_key="test", config=cfg) for n, u, _ in peers}
small, big = b"x" * 1024, os.urandom(10 * 1024 * 1024)
N = 50

def setup(s3):
    s3.create_bucket(Bucket="bench")
    for i in range(1000):
        s3.put_object(Bucket="bench", Key=f"list/{i:04d}", Body=b"")

def put1k(s3):
    t = time.perf_counter()
    for i in range(N): s3.put_object(Bucket="bench", Key=f"small/{i}", Body=small)
    return (time.perf_counter() - t) / N * 1000

def get1k(s3):
    t = time.perf_counter()
    for i in range(N): s3.get_object(Bucket="bench", Key=f"small/{i}")["Body"].read()
    return (time.perf_counter() - t) / N * 1000

def list1000(s3):
    t = time.perf_counter()
    for _ in range(5): assert s3.list_objects_v2(Bucket="bench", Prefix="list/")["KeyCount"] == 1000
    return (time.perf_counter() - t) / 5 * 1000

def put10m(s3):
    t = time.perf_counter()
    s3.put_object(Bucket="bench", Key="big", Body=big)
    return (time.perf_counter() - t) * 1000

def rss_kib(pid):
    """RSS of the process and its descendants."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f: kids.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(int(d))
            except OSError: pass
    total, todo = 0, [int(pid)]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        except (OSError, StopIteration): pass
        todo += kids.get(p, [])
    return total

work = [("1 KiB PUT", put1k), ("1 KiB GET", get1k), ("list 1,000 keys", list1000), ("10 MiB PUT", put10m)]
for s3 in clients.values(): setup(s3)
times = {(n, w): [] for n, _, _ in peers for w, _ in work}
for r in range(rounds):
    order = peers[r % len(peers):] + peers[:r % len(peers)]   # rotate who goes first
    for w, fn in work:
        for n, _, _ in order: times[(n, w)].append(fn(clients[n]))
print(f"S3 endpoint, boto3, medians of {rounds} interleaved rounds (ms per operation; lower is better)")
names = [n for n, _, _ in peers]
print("workload".ljust(18) + "".join(n.rjust(12) for n in names) + ("   lab vs localstack" if "lab" in names and "localstack" in names else ""))
for w, _ in work:
    med = {n: statistics.median(times[(n, w)]) for n in names}
    line = w.ljust(18) + "".join(f"{med[n]:12.2f}" for n in names)
    if "lab" in med and "localstack" in med: line += f"   {med['localstack'] / med['lab']:.2f}x faster" if med["lab"] <= med["localstack"] else f"   {med['lab'] / med['localstack']:.2f}x SLOWER"
    print(line)
print("RSS after (MiB)".ljust(18) + "".join(f"{rss_kib(p) / 1024:12.0f}" for _, _, p in peers))
