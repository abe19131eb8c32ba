#!/usr/bin/env python3
"""Safety probe: runs escape, corrupt-state and bad-input cases against `lab` on the embedded engine.

Each case gets its own folder holding a lab (labs/p + compose-variants/p), a LAB_HOME and an
`outside/` tree the runner must never touch. The probe snapshots everything in the case folder
except LAB_HOME before and after the case (type, size, sha256, mode, owner, link target) and
prints a table: the case, the exit code (and the one expected), whether the error was clear
(expected exit code and the expected words in one line of output), stack traces, outside writes.

Usage: scripts/probe-safety.py [-v] [-k SUBSTRING]      (builds target/lab.jar when missing)
Exit code 0 only when every case is clear, with no stack trace and no outside write.
"""
import argparse
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "target" / "lab.jar"
STACK = re.compile(r"^\s+at [\w.$/<>]+\(|Exception in thread|^\s*Caused by: |StackOverflowError|\b(java|javax|sun|jdk)\.[\w.]+(Exception|Error)\b", re.M)

COMPOSE_HEAD = """services:
  localstack:
    image: localstack/localstack:4.14.0
    container_name: probe-ls
    ports:
      - "127.0.0.1:4566:4566"
    environment:
      - SERVICES=s3
"""


def lab_md(steps, front_extra="", variants="{ base: p/base.yml }"):
    body = "\n".join(steps)
    return f"---\nlab: p\ntitle: probe\nvariants: {variants}\n{front_extra}---\nProbe lab.\n\n{body}\n"


def step(n, sid, run, checks="", attrs=" variant=base"):
    out = f"## {n}. step {sid} {{#{sid}{attrs}}}\n\n```bash {{run}}\n{run}\n```\n"
    if checks:
        out += f"\n```check\n{checks}\n```\n"
    return out


class Case:
    def __init__(self, name, group, args, expect_exit, words, compose=COMPOSE_HEAD, md=None, setup=None,
                 stdin="", between=None, extra_files=None, warmup="quit\n", post=None):
        self.name, self.group, self.args, self.expect_exit, self.words = name, group, args, expect_exit, words
        self.compose, self.md, self.setup, self.stdin, self.between = compose, md, setup, stdin, between
        self.extra_files = extra_files or {}
        self.post = post  # (case folder) -> a broken promise to report, or None
        self.warmup = warmup  # what the first `lab start` types before `between` changes the state


def write(p: Path, text, mode=None):
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text)
    if mode is not None:
        p.chmod(mode)


def snapshot(root: Path):
    """Everything under root but the lab's own places: LAB_HOME (home/) and a --workspace (ws/)."""
    skip = {root / "home", root / "ws"}
    state = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        d = Path(dirpath)
        dirnames[:] = [n for n in dirnames if d / n not in skip]
        for name in dirnames + filenames:
            p = d / name
            if p in skip:
                continue
            st = p.lstat()
            if p.is_symlink():
                desc = ("link", os.readlink(p))
            elif p.is_dir():
                desc = ("dir",)
            else:
                desc = ("file", st.st_size, hashlib.sha256(p.read_bytes()).hexdigest())
            state[str(p.relative_to(root))] = desc + (oct(st.st_mode & 0o7777), st.st_uid, st.st_gid)
    return state


def diff(before, after):
    changes = []
    for k in sorted(set(before) | set(after)):
        if before.get(k) != after.get(k):
            changes.append(("+" if k not in before else "-" if k not in after else "~") + k)
    return changes


def lab_cmd(case_dir, args):
    return ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", f"-Dlab.root={case_dir}", "-jar", str(JAR)] + args


def run_lab(case_dir, args, stdin, env):
    p = subprocess.run(lab_cmd(case_dir, args), input=stdin.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, env=env, cwd=case_dir, timeout=180)
    return p.returncode, p.stdout.decode("utf-8", "replace")


# ---------------------------------------------------------------- setups

def outside_tree(c: Path):
    write(c / "outside" / "photos" / "cat.jpg", "precious cat\n")
    write(c / "outside" / "secret.txt", "do not touch\n", 0o600)
    (c / "outside" / "empty").mkdir(parents=True, exist_ok=True)


def prepared_workspace(c: Path):
    """A workspace lab made (marker), holding links to outside things, for --workspace."""
    ws = c / "ws"
    write(ws / ".lab-workspace", "p\n")
    (ws / "dl").mkdir(parents=True, exist_ok=True)
    os.symlink(c / "outside" / "secret.txt", ws / "dl" / "victim.txt")
    os.symlink(c / "outside" / "photos", ws / "photos-link")
    (ws / "data").mkdir()
    os.symlink(c / "outside" / "secret.txt", ws / "data" / "link.txt")
    os.symlink(c / "outside" / "photos", ws / "data" / "dirlink")
    os.symlink(c / "outside" / "photos", ws / "seed-victim")


def deep(n, open_="[", close="]"):
    return open_ * n + close * n


CASES = []


def add(*a, **k):
    CASES.append(Case(*a, **k))


# -- escapes: compose names that are paths
TRAVERSE = "x/../../../../../../../../../..{outside}/photos"
add("volume key with ../ (run)", "escape", ["run", "labs/p"], 2, [r"docker-compose\.yml:\d+|base\.yml:\d+", "volume"],
    compose=COMPOSE_HEAD + "    volumes:\n      - \"{trav}:/var/lib/localstack\"\nvolumes:\n  \"{trav}\": {}\n",
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down -v")]))
add("external volume name: /abs path (run)", "escape", ["run", "labs/p"], 2, [r"\.yml:\d+", "name"],
    compose=COMPOSE_HEAD + "    volumes:\n      - data:/var/lib/localstack\nvolumes:\n  data:\n    external: true\n    name: \"{outside}/photos\"\n",
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down -v")]))
add("volume name: with ../ (run)", "escape", ["run", "labs/p"], 2, [r"\.yml:\d+", "name"],
    compose=COMPOSE_HEAD + "    volumes:\n      - data:/var/lib/localstack\nvolumes:\n  data:\n    name: \"../../../../../../../..{outside}/photos\"\n",
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down -v")]))
add("container_name with / (run)", "escape", ["run", "labs/p"], 2, [r"\.yml:\d+", "container"],
    compose=COMPOSE_HEAD.replace("container_name: probe-ls", "container_name: \"../../x\""),
    md=lab_md([step(1, "up", "docker compose up -d")]))
add("service name with / (run)", "escape", ["run", "labs/p"], 2, [r"\.yml:\d+", "service"],
    compose=COMPOSE_HEAD.replace("  localstack:\n", "  \"../ls\":\n"),
    md=lab_md([step(1, "up", "docker compose up -d")]))
add("volume key with ../ (doctor --live)", "escape", ["doctor", "--live", "evil.yml"], 2, [r"evil\.yml:\d+"],
    extra_files={"evil.yml": COMPOSE_HEAD + "    volumes:\n      - \"{trav}:/var/lib/localstack\"\nvolumes:\n  \"{trav}\": {}\n"})
add("volume key with ../ (REPL, edited compose)", "escape", ["start", "labs/p"], 0, [r"docker-compose\.yml:\d+"],
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down -v", attrs="")]), stdin="run\nquit\n",
    between=lambda c: write(c / "home/data/workspaces/p/docker-compose.yml",
                            COMPOSE_HEAD + f"    volumes:\n      - \"{TRAVERSE.format(outside=c / 'outside')}:/var/lib/localstack\"\n"
                            f"volumes:\n  \"{TRAVERSE.format(outside=c / 'outside')}\": {{}}\n"))
add("variant path ../ (validate)", "escape", ["validate", "labs/p"], 2, [r"lab\.ko\.md:\d+", "variant"],
    md=lab_md([step(1, "up", "echo hi")], variants="{ base: ../../../outside/secret.txt }"))
add("variant path ../ (run)", "escape", ["run", "labs/p"], 2, [r"lab\.ko\.md:\d+", "variant"],
    md=lab_md([step(1, "up", "echo hi")], variants="{ base: ../../../outside/secret.txt }"))

# -- escapes: symlinks in the workspace (a prepared --workspace; `lab start` does not wipe it). The learner's own
# commands (curl, chmod, rm…) are the system's programs, as in their own terminal; what must hold is the runner's
# own operations (reset) and what runs on the container's side (hooks, their awslocal).
add("reset all with links in the workspace", "escape", ["start", "labs/p", "--workspace", "ws"], 0, [r""],
    md=lab_md([step(1, "up", "echo hi")]), setup=prepared_workspace, stdin="reset all\nquit\n")
add("init hook rm -rf through a mount", "escape", ["start", "labs/p", "--workspace", "ws"], 0, [r""],
    compose=COMPOSE_HEAD + "    volumes:\n      - ./hooks:/etc/localstack/init/ready.d\n      - ./seed-victim:/seed\n",
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down")]),
    setup=lambda c: (prepared_workspace(c), write(c / "ws/hooks/01.sh", "#!/bin/bash\nrm -rf /seed/cat.jpg\n", 0o755)))
add("init hook writes outside its mounts", "escape", ["start", "labs/p", "--workspace", "ws"], 0, [r""],
    compose=COMPOSE_HEAD + "    volumes:\n      - ./hooks:/etc/localstack/init/ready.d\n",
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down")]), stdin="run\nquit\n",
    setup=lambda c: (prepared_workspace(c), write(c / "ws/hooks/01.sh",
        f"#!/bin/bash\necho pwned > {c}/outside/secret.txt\nrm -rf {c}/outside/photos\ntouch {c}/outside/new\n", 0o755)))
add("init hook's awslocal downloads onto a link out of a mount", "escape", ["start", "labs/p", "--workspace", "ws"], 0, [r""],
    compose=COMPOSE_HEAD + "    volumes:\n      - ./hooks:/etc/localstack/init/ready.d\n      - ./seed:/seed\n",
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down")]), stdin="run\nquit\n",
    setup=lambda c: (prepared_workspace(c), write(c / "ws/seed/data.txt", "overwritten\n"),
        os.symlink(c / "outside" / "secret.txt", c / "ws" / "seed" / "victim.txt"),
        write(c / "ws/hooks/01.sh", "#!/bin/bash\nawslocal s3 mb s3://probe-b\nawslocal s3 cp /seed/data.txt s3://probe-b/k\n"
              "awslocal s3 cp s3://probe-b/k /seed/victim.txt\nawslocal s3 sync s3://probe-b /seed\n", 0o755)))
add("doctor --live, bind folder is a link", "escape", ["doctor", "--live", "user/docker-compose.yml"], None, [r""],
    extra_files={"user/docker-compose.yml": COMPOSE_HEAD + "    volumes:\n      - ./data:/var/lib/localstack\n"},
    setup=lambda c: os.symlink(c / "outside" / "photos", c / "user" / "data"))

# -- corrupt state
def corrupt(rel, content):
    def go(c):
        write(c / "home" / rel, content)
    return go


add("binary progress file", "corrupt", ["start", "labs/p"], 2, [r"progress/p\.properties", r"reset all|delete"],
    md=lab_md([step(1, "up", "echo hi")]), stdin="quit\n",
    between=lambda c: write(c / "home/state/progress/p.properties", bytes(range(256)) * 4))
add("progress names an unknown step", "corrupt", ["start", "labs/p"], 2, [r"progress/p\.properties", r"reset all|delete"],
    md=lab_md([step(1, "up", "echo hi")]), stdin="quit\n",
    between=lambda c: write(c / "home/state/progress/p.properties", "step=no-such-step\npassed=\n"))
add("binary history file", "corrupt", ["start", "labs/p"], None, [r"history"],
    md=lab_md([step(1, "up", "echo hi")]), stdin="quit\n",
    between=lambda c: write(c / "home/state/history", b"\x00\xff\xfe" * 400 + b"\n\x01:\x02\n"))
add("garbled labels.properties of a volume", "corrupt", ["start", "labs/p"], None, [r"labels\.properties"],
    compose=COMPOSE_HEAD + "    volumes:\n      - data:/var/lib/localstack\nvolumes:\n  data: {}\n",
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down")]), stdin="run\nrun\nquit\n",
    warmup="run\nquit\n",
    between=lambda c: [write(p, b"\\uZZZZ\x00\xff\n") for p in (c / "home/data/embedded-engine").rglob("labels.properties")])
add("garbled startup_info.json", "corrupt", ["start", "labs/p"], None, [r"startup_info\.json"],
    compose=COMPOSE_HEAD + "    volumes:\n      - ./ls:/var/lib/localstack\n",
    md=lab_md([step(1, "up", "docker compose up -d\ndocker compose down")]), stdin="run\nquit\n", warmup="run\nquit\n",
    between=lambda c: [write(p, "{not json") for p in (c / "home/data/workspaces/p/ls").rglob("startup_info.json")])

# -- bad input
add("50,000-deep YAML in front matter", "input", ["validate", "labs/p"], 2, [r"lab\.ko\.md:\d+"],
    md=lab_md([step(1, "up", "echo hi")], front_extra="deep: " + deep(50000) + "\n"))
add("50,000-deep YAML in compose (doctor)", "input", ["doctor", "deep.yml"], 2, [r"deep\.yml:\d+"],
    extra_files={"deep.yml": "services:\n  x: " + deep(50000) + "\n"})
add("50,000-deep YAML in compose (run)", "input", ["run", "labs/p"], 2, [r"\.yml:\d+"],
    compose="services:\n  x: " + deep(50000, "{a: ", "}") + "\n", md=lab_md([step(1, "up", "docker compose up -d")]))
# Each fails its step with the program's own message; the lab's aws refuses what it does not support (builtin).
for cmd in ["grep -A abc x", "curl --no-such-option http://localhost:4566/", "awslocal --endpoint-url", "aws --endpoint-url",
            "head -n", "tail -n x", "docker --bogus", "docker compose up --bogus", "awslocal s3 cp", "awslocal s3 rb",
            "LAB_AWS_CLI=builtin awslocal s3 cp docker-compose.yml s3://probe-b/k --metadata k=v", "curl", "chmod", "chown nobody"]:
    add(f"malformed command `{cmd}`", "input", ["run", "labs/p"], 1, [r"lab\.ko\.md:\d+"],
        md=lab_md([step(1, "bad", "docker compose up -d\nawslocal s3 mb s3://probe-b\n" + cmd), step(2, "after", "echo after")]))
add("check scope typo [comunity]", "input", ["validate", "labs/p"], 2, [r"lab\.ko\.md:\d+", "comunity"],
    md=lab_md([step(1, "up", "echo hi", checks="[comunity] bucket probe-b missing")]))
add("block edition typo edition=comunity", "input", ["validate", "labs/p"], 2, [r"lab\.ko\.md:\d+", "comunity"],
    md=lab_md(["## 1. s {#s variant=base}\n\n```bash {run edition=comunity}\necho hi\n```\n"]))
add("sha256 = missing file", "input", ["run", "labs/p"], 2, [r"lab\.ko\.md:\d+", "no-such-file"],
    md=lab_md([step(1, "up", "echo hi", checks="object probe-b/k sha256 = no-such-file")]))
add("check syntax error", "input", ["run", "labs/p"], 2, [r"lab\.ko\.md:\d+"],
    md=lab_md([step(1, "up", "echo hi", checks="bucket")]))
add("non-UTF-8 lab file", "input", ["validate", "labs/p"], 2, [r"lab\.ko\.md:\d+", "UTF-8"],
    md=lab_md([step(1, "up", "echo hi")]).encode() + b"\n\xff\xfe bad bytes\n")
add("non-UTF-8 compose file (doctor)", "input", ["doctor", "bad.yml"], 2, [r"bad\.yml:\d+"],
    extra_files={"bad.yml": b"services:\n  x:\n    image: \xff\xfe\n"})
add("unknown lab", "input", ["run", "no-such-lab"], 2, [r"no-such-lab"])
add("unknown option", "input", ["run", "labs/p", "--bogus"], 2, [r"--bogus"], md=lab_md([step(1, "up", "echo hi")]))
add("bad --lang", "input", ["run", "labs/p", "--lang", "fr"], 2, [r"fr"], md=lab_md([step(1, "up", "echo hi")]))
add("bad --engine", "input", ["run", "labs/p", "--engine", "podman"], 2, [r"podman"], md=lab_md([step(1, "up", "echo hi")]))
add("bad --edition", "input", ["run", "labs/p", "--edition", "enterprise"], 2, [r"enterprise"], md=lab_md([step(1, "up", "echo hi")]))
add("unknown variant in a step", "input", ["validate", "labs/p"], 2, [r"lab\.ko\.md:\d+", "nope"],
    md=lab_md([step(1, "up", "echo hi", attrs=" variant=nope")]))
add("step without an id", "input", ["validate", "labs/p"], 2, [r"lab\.ko\.md:\d+"],
    md=lab_md(["## 1. s\n\n```bash {run}\necho hi\n```\n"]))
add("doctor on a missing file", "input", ["doctor", "missing.yml"], 2, [r"missing\.yml"])
add("doctor on a folder", "input", ["doctor", "."], 2, [r"\."])
add("reset <typo> keeps the workspace", "input", ["start", "labs/p"], 0, [r"reset"],
    md=lab_md([step(1, "up", "echo hi")]), stdin="reset al\nquit\n",
    post=lambda c: None if (c / "home/data/workspaces/p/mine.txt").exists() else "the learner's file was deleted",
    between=lambda c: write(c / "home/data/workspaces/p/mine.txt", "learner's work\n"))
add("LAB_HOME is a file", "input", ["run", "labs/p"], 2, [r"home"], md=lab_md([step(1, "up", "echo hi")]),
    setup=lambda c: write(c / "home", "not a folder\n"))


def port_busy_case(name, args, md=True):
    add(name, "input", args, 2, [r"4566"], md=lab_md([step(1, "up", "docker compose up -d")]) if md else None)
    CASES[-1].busy = True


port_busy_case("port 4566 in use (run)", ["run", "labs/p"])
port_busy_case("port 4566 in use (test)", ["test", "labs/p"])
port_busy_case("port 4566 in use (engine serve)", ["engine", "serve", "--port", "4566"], md=False)


# ---------------------------------------------------------------- running

def fill(text, c: Path):
    """The case's text with {trav} (a volume key that walks up to outside/) and {outside} filled in."""
    if not isinstance(text, str):
        return text
    return text.replace("{trav}", TRAVERSE.replace("{outside}", str(c / "outside"))).replace("{outside}", str(c / "outside"))


def prepare(case, c: Path):
    outside_tree(c)
    if case.md is not None:
        write(c / "labs/p/lab.ko.md", case.md)
        write(c / "compose-variants/p/base.yml", fill(case.compose, c))
    for rel, text in case.extra_files.items():
        write(c / rel, fill(text, c))
    if case.setup:
        case.setup(c)


def run_case(case, base: Path, verbose):
    c = base / re.sub(r"[^a-z0-9]+", "-", case.name.lower()).strip("-")
    c.mkdir(parents=True)
    prepare(case, c)
    # LAB_ENGINE_IDLE=0: each case's engine host stops with its last client, freeing port 4566 for the next.
    env = dict(os.environ, LAB_HOME=str(c / "home"), NO_COLOR="1", LANG="en_US.UTF-8", LAB_ENGINE_IDLE="0")
    env.pop("TERM", None)
    before = snapshot(c)
    busy = None
    out = ""
    try:
        if case.between:
            run_lab(c, ["start", "labs/p"], case.warmup, env)
            subprocess.run(lab_cmd(c, ["engine", "stop"]), env=env, cwd=c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            case.between(c)
            before = snapshot(c)
        if getattr(case, "busy", False):
            busy = socket.socket()
            busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            busy.bind(("127.0.0.1", 4566))
            busy.listen()
        code, out = run_lab(c, case.args, case.stdin, env)
    except subprocess.TimeoutExpired:
        code, out = "timeout", ""
    finally:
        if busy:
            busy.close()
    if (c / "home").is_dir():
        subprocess.run(lab_cmd(c, ["engine", "stop"]), env=env, cwd=c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    after = snapshot(c)
    changes = diff(before, after)
    broken = case.post(c) if case.post else None
    stack = bool(STACK.search(out))
    lines = [l for l in out.splitlines() if l.strip()]
    worded = all(any(re.search(w, l) for l in lines) for w in case.words) if case.words != [r""] else True
    clear = (case.expect_exit is None or code == case.expect_exit) and worded and broken is None
    if case.expect_exit == 2:  # one line: `lab: …`, or a linter's `file:line: …`
        clear = clear and any(l.startswith("lab:") or re.match(r"\S+:\d+: ", l) for l in lines)
    if verbose:
        print(f"--- {case.name}: exit {code}\n" + "\n".join(lines[-12:]) + ("\nOUTSIDE: " + ", ".join(changes) if changes else "") + (f"\nBROKEN: {broken}" if broken else ""))
    return dict(name=case.name, group=case.group, code=code, expect=case.expect_exit, clear=clear, stack=stack,
                outside=changes, last=(lines[-1] if lines else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print each case's last output lines")
    ap.add_argument("-k", help="only the cases whose name contains this")
    ap.add_argument("--keep", action="store_true", help="keep the case folders")
    a = ap.parse_args()
    if not JAR.exists():
        subprocess.run(["mvn", "-q", "-B", "-DskipTests", "package"], cwd=ROOT, check=True)
    base = Path(tempfile.mkdtemp(prefix="lab-probe-"))
    rows = []
    try:
        for case in CASES:
            if a.k and a.k not in case.name:
                continue
            try:
                rows.append(run_case(case, base, a.verbose))
            except Exception as e:  # a broken case is a row, not the end of the probe
                rows.append(dict(name=case.name, group=case.group, code="probe", expect=case.expect_exit, clear=False,
                                 stack=False, outside=[f"probe error: {e}"], last=""))
    finally:
        if not a.keep:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"case folders kept in {base}")
    w = max(len(r["name"]) for r in rows)
    print(f"{'case':<{w}}  {'group':<7}  {'exit':>7}  clear  stack  outside writes")
    for r in rows:
        ex = f"{r['code']}/{r['expect'] if r['expect'] is not None else '*'}"
        print(f"{r['name']:<{w}}  {r['group']:<7}  {ex:>7}  {'yes' if r['clear'] else 'NO':<5}  "
              f"{'YES' if r['stack'] else 'no':<5}  {', '.join(r['outside'][:3]) or '0'}")
    tried = len(rows)
    clear = sum(r["clear"] for r in rows)
    stacks = sum(r["stack"] for r in rows)
    outside = sum(len(r["outside"]) for r in rows)
    print(f"\ntried {tried}, clear {clear}, stack traces {stacks}, outside writes {outside}")
    return 0 if clear == tried and stacks == 0 and outside == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
