#!/usr/bin/env python3
"""Raw capacity of a gateway fake: a plain request loop, no dispatcher.

Measures requests/s and messages/s that one fake sustains on this machine --
first with one sequential keep-alive connection, then with N concurrent
threads (one keep-alive connection each). This is the baseline the gateway
benchmarks compare the dispatcher's throughput against.

Examples:
  python3 Tests/Fakes/raw_capacity.py --gateway aligo --batch 1 --seconds 5
  python3 Tests/Fakes/raw_capacity.py --gateway aligo --batch 500 --threads 4
  python3 Tests/Fakes/raw_capacity.py --gateway solapi --batch 10000 --seconds 10 --json
  python3 Tests/Fakes/raw_capacity.py --gateway solapi --url http://127.0.0.1:PORT   # a running fake

Without --url the script starts the fake itself (temporary state dir, removed afterwards).
Every accepted message is recorded by the fake (append + fsync per request), as in tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import hmac
import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ALIGO_AUTH = {"key": "test-aligo-key", "user_id": "kimbiseo"}
SOLAPI_KEY, SOLAPI_SECRET = "NCSTESTKEY0000001", "test-solapi-secret"
SENDER = "0212345678"


def receivers(batch: int) -> list[str]:
    return [f"010{i:08d}" for i in range(1, batch + 1)]


def aligo_request(batch: int):
    """(path, body, headers-factory, messages) for /send_mass/ (or /send/ for one)."""
    fields = dict(ALIGO_AUTH, sender=SENDER, msg_type="SMS", cnt=str(batch))
    for i, r in enumerate(receivers(batch), 1):
        fields[f"rec_{i}"], fields[f"msg_{i}"] = r, f"홍길동{i}님, 김비서 용량 측정 메시지입니다."
    body = urllib.parse.urlencode(fields).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    return "/send_mass/", body, lambda: headers


def solapi_auth() -> str:
    date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    salt = secrets.token_hex(16)
    sig = hmac.new(SOLAPI_SECRET.encode(), (date + salt).encode(), hashlib.sha256).hexdigest()
    return f"HMAC-SHA256 apiKey={SOLAPI_KEY}, date={date}, salt={salt}, signature={sig}"


def solapi_request(batch: int):
    msgs = [{"to": r, "from": SENDER, "text": f"홍길동{i}님, 김비서 용량 측정 메시지입니다.",
             "customFields": {"kimbiseo_id": f"cap-{i}"}}
            for i, r in enumerate(receivers(batch), 1)]
    body = json.dumps({"messages": msgs}, ensure_ascii=False).encode()
    return "/messages/v4/send-many/detail", body, lambda: {
        "Content-Type": "application/json", "Authorization": solapi_auth()}


def accepted_in(gateway: str, data: bytes) -> int:
    r = json.loads(data)
    if gateway == "aligo":
        return int(r.get("success_cnt", 0)) if int(r.get("result_code", 0)) == 1 else 0
    return int(r["groupInfo"]["count"]["registeredSuccess"])


def worker(host, port, gateway, req, deadline, max_requests, out, lock):
    path, body, headers = req
    conn = http.client.HTTPConnection(host, port, timeout=60)
    n = msgs = errors = 0
    lat = []
    while time.perf_counter() < deadline:
        with lock:
            if out["budget"] is not None:
                if out["budget"] <= 0:
                    break
                out["budget"] -= 1
        t = time.perf_counter()
        try:
            conn.request("POST", path, body, headers())
            resp = conn.getresponse()
            data = resp.read()
            if resp.status == 200:
                msgs += accepted_in(gateway, data)
            else:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=60)
        lat.append(time.perf_counter() - t)
        n += 1
    conn.close()
    with lock:
        out["requests"] += n
        out["messages"] += msgs
        out["errors"] += errors
        out["latencies"] += lat


def run(host, port, gateway, batch, threads, seconds, max_requests):
    req = (aligo_request if gateway == "aligo" else solapi_request)(batch)
    out = {"requests": 0, "messages": 0, "errors": 0, "latencies": [], "budget": max_requests}
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds
    ts = [threading.Thread(target=worker, args=(host, port, gateway, req, deadline, max_requests, out, lock))
          for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.perf_counter() - start
    lat = sorted(out["latencies"]) or [0.0]
    return {"gateway": gateway, "batch": batch, "threads": threads, "seconds": round(elapsed, 3),
            "requests": out["requests"], "messages": out["messages"], "errors": out["errors"],
            "requests_per_s": round(out["requests"] / elapsed, 1),
            "messages_per_s": round(out["messages"] / elapsed, 1),
            "latency_ms_p50": round(lat[len(lat) // 2] * 1000, 2),
            "latency_ms_p99": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000, 2)}


def calibrate() -> float:
    """Milliseconds for a fixed pure-Python loop (10^6 additions), printed with the
    results so numbers from a busy and an idle machine can be told apart
    (about 40-60 ms on an idle modern core)."""
    t = time.perf_counter()
    x = 0
    for i in range(1_000_000):
        x += i
    return round((time.perf_counter() - t) * 1000, 1)


def start_fake(gateway: str, fsync: bool):
    state = tempfile.mkdtemp(prefix="kimbiseo-capacity-")
    script = os.path.join(HERE, f"{gateway}_fake.py")
    extra = [] if fsync else ["--no-fsync"]
    proc = subprocess.Popen([sys.executable, script, "--state-dir", state,
                             "--balance", "1e15", *extra], stdout=subprocess.PIPE, text=True)
    port = json.loads(proc.stdout.readline())["port"]
    return proc, state, port


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--gateway", choices=["aligo", "solapi"], required=True)
    p.add_argument("--url", help="a running fake (default: start one)")
    p.add_argument("--batch", type=int, default=1,
                   help="messages per request (aligo <= 500, solapi <= 10000)")
    p.add_argument("--threads", type=int, default=4, help="concurrent connections for the second run")
    p.add_argument("--seconds", type=float, default=5.0, help="duration of each run")
    p.add_argument("--requests", type=int, default=None, help="stop each run after this many requests")
    p.add_argument("--no-fsync", dest="fsync", action="store_false",
                   help="start the fake with --no-fsync (flush only)")
    p.add_argument("--json", action="store_true", help="one JSON object per run on stdout")
    a = p.parse_args(argv)
    limit = 500 if a.gateway == "aligo" else 10_000
    if not 1 <= a.batch <= limit:
        p.error(f"--batch must be 1..{limit} for {a.gateway}")

    proc = state = None
    if a.url:
        u = urllib.parse.urlsplit(a.url)
        host, port = u.hostname or "127.0.0.1", u.port or 80
    else:
        proc, state, port = start_fake(a.gateway, a.fsync)
        host = "127.0.0.1"
    cal = calibrate()
    if not a.json:
        print(f"python loop calibration: {cal} ms per 10^6 additions; fsync={'on' if a.fsync else 'off'}")
    try:
        for threads in (1, a.threads):
            r = run(host, port, a.gateway, a.batch, threads, a.seconds, a.requests)
            r["calibration_ms"] = cal
            r["fsync"] = a.fsync
            if a.json:
                print(json.dumps(r))
            else:
                mode = "sequential" if threads == 1 else f"{threads} threads"
                print(f"{a.gateway} batch={a.batch} {mode:>11}: {r['requests_per_s']:>9.1f} req/s "
                      f"{r['messages_per_s']:>10.1f} msg/s  p50 {r['latency_ms_p50']} ms "
                      f"p99 {r['latency_ms_p99']} ms  ({r['requests']} req, {r['errors']} errors, "
                      f"{r['seconds']} s)")
            sys.stdout.flush()
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
            shutil.rmtree(state, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
