"""Interleaved boto3 workloads against S3 endpoints; see bench/peers.sh. Args: rounds name=url=pid...

Each round runs every workload on every peer, interleaved operation by operation (the peer that goes first
rotates), and sums each peer's time over the whole workload. A warm-up round (JIT, lazy imports) is not
counted. Per workload and peer it prints the median time per operation with the spread over rounds, the
lab/LocalStack ratio taken per round (both met the same load, so the load of other processes mostly cancels),
the CPU time the server used per operation (load-independent) and the server's RSS after the workload.
"""
import os, statistics, sys, time
import boto3
from botocore.config import Config

rounds = int(sys.argv[1])
peers = [a.split("=", 2) for a in sys.argv[2:]]
names = [n for n, _, _ in peers]
cfg = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1})
clients = {n: boto3.client("s3", endpoint_url=u, region_name="us-east-1", aws_access_key_id="test",
                           aws_secret_access_key="test", config=cfg) for n, u, _ in peers}
small, big = b"x" * 1024, os.urandom(10 * 1024 * 1024)

def setup(s3):
    s3.create_bucket(Bucket="bench")
    for i in range(1000):
        s3.put_object(Bucket="bench", Key=f"list/{i:04d}", Body=b"")

def put1k(s3, i): s3.put_object(Bucket="bench", Key=f"small/{i}", Body=small)

def get1k(s3, i): assert s3.get_object(Bucket="bench", Key=f"small/{i}")["Body"].read() == small

def list1000(s3, i): assert s3.list_objects_v2(Bucket="bench", Prefix="list/")["KeyCount"] == 1000

def put10m(s3, i): s3.put_object(Bucket="bench", Key=f"big/{i}", Body=big)

# (name, one operation, operations per workload)
work = [("1 KiB PUT", put1k, 100), ("1 KiB GET", get1k, 100), ("list 1,000 keys", list1000, 10),
        ("10 MiB PUT", put10m, 5)]

def tree(pid):
    """The process and its descendants."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f: kids.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(int(d))
            except OSError: pass
    found, todo = [], [int(pid)]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += kids.get(p, [])
    return found

def rss_mib(pid):
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        except (OSError, StopIteration): pass
    return total / 1024

def cpu_ms(pid):
    """CPU time (user + system) the server and its descendants have used."""
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f: fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError: pass
    return total * 1000 / os.sysconf("SC_CLK_TCK")

def spread(xs, fmt):
    return f"{fmt(statistics.median(xs))} [{fmt(min(xs))}-{fmt(max(xs))}]"

for s3 in clients.values(): setup(s3)
secs = {(n, w): [] for n in names for w, _, _ in work}
rss = {(n, w): [] for n in names for w, _, _ in work}
cpu = {(n, w): [] for n in names for w, _, _ in work}
load_before = os.getloadavg()[0]
for r in range(rounds + 1):
    for w, op, n in work:
        took = {name: 0.0 for name in names}
        cpu_before = {name: cpu_ms(pid) for name, _, pid in peers}
        for i in range(n):
            # Operation by operation, the peer that goes first rotating: the load other processes put on the
            # machine changes within seconds, and this way every peer meets the same load.
            k = (r + i) % len(peers)
            for name, _, _ in peers[k:] + peers[:k]:
                t = time.perf_counter()
                op(clients[name], i)
                took[name] += time.perf_counter() - t
        if r > 0:   # round 0 warms up
            for name, _, pid in peers:
                secs[(name, w)].append(took[name])
                cpu[(name, w)].append((cpu_ms(pid) - cpu_before[name]) / n)
                rss[(name, w)].append(rss_mib(pid))
print(f"S3 endpoint, boto3 {boto3.__version__}: {rounds} interleaved rounds after a warm-up round; "
      f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
print("ms per operation, median [min-max] over rounds (each round: the whole workload's time / operations)")
col = 24
has_ratio = "lab" in names and "localstack" in names
print("workload".ljust(22) + "".join(n.rjust(col) for n in names) + ("   lab/localstack per round" if has_ratio else ""))
for w, _, n in work:
    line = f"{w} x{n}".ljust(22) + "".join(spread([s / n * 1000 for s in secs[(p, w)]], lambda x: f"{x:.2f}").rjust(col) for p in names)
    if has_ratio:
        ratios = [a / b for a, b in zip(secs[("lab", w)], secs[("localstack", w)])]
        verdict = "faster" if statistics.median(ratios) <= 1 else "SLOWER"
        line += f"   {spread(ratios, lambda x: f'{x:.2f}')} {verdict}"
    print(line)
print("server CPU time (user + system) per operation in ms, median [min-max] over rounds")
for w, _, n in work:
    print(f"{w} x{n}".ljust(22) + "".join(spread(cpu[(p, w)], lambda x: f"{x:.2f}").rjust(col) for p in names))
print("RSS after the workload (MiB), median [min-max] over rounds")
for w, _, n in work:
    print(f"{w} x{n}".ljust(22) + "".join(spread(rss[(p, w)], lambda x: f"{x:.0f}").rjust(col) for p in names))
