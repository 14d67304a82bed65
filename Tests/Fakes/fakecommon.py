"""Shared machinery of Kimbiseo's loopback gateway fakes (Aligo, Solapi).

What lives here:
  * ``AcceptedLog``   -- durable record of every message a fake accepted
                         (``DIR/accepted.jsonl``, one JSON line per message,
                         written, flushed and fsync'ed before the HTTP answer).
  * ``FaultBoard``    -- run-time fault injection driven by ``POST /__control``.
  * ``FakeHandler``   -- HTTP/1.1 keep-alive request handler with body reading,
                         JSON and form parsing, fault application and the control
                         endpoints (``/__control``, ``/__accepted``).
  * ``strict_euc_kr`` -- KS X 1001 (strict EUC-KR) byte counting and the
                         Aligo-style ``?`` replacement.
  * ``serve``         -- common command line: ``--port``, ``--state-dir``,
                         prints ``{"port": N}`` once listening, stops on SIGTERM.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import email.parser
import gc
import email.policy
import json
import os
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KST = _dt.timezone(_dt.timedelta(hours=9), "KST")  # Korea has no DST.


# --------------------------------------------------------------------------
# Time. ``Clock`` lets tests jump the status walk forward without
# sleeping (``{"advance": seconds}`` on /__control); HMAC skew checks always
# use the real wall clock.
# --------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += float(seconds)


def iso_utc(ts: float) -> str:
    """ISO 8601 UTC with milliseconds, e.g. ``2026-11-28T23:41:07.123Z``
    (the shape Solapi uses for dateCreated; solapi/documents getMessageList.md sample)."""
    d = _dt.datetime.fromtimestamp(ts, _dt.timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{d.microsecond // 1000:03d}Z"


def kst_text(ts: float) -> str:
    """``YYYY-MM-DD HH:MM:SS`` in Asia/Seoul, the shape of Aligo's reg_date/send_date."""
    return _dt.datetime.fromtimestamp(ts, KST).strftime("%Y-%m-%d %H:%M:%S")


def parse_time(text: str) -> float | None:
    """Parse ISO 8601 or ``YYYY-MM-DD[ HH:MM[:SS]]`` / ``YYYYMMDD``.
    A time without an offset is read as Asia/Seoul (the vendors are Korean;
    this is an assumption of the fake, not a documented rule)."""
    if not text:
        return None
    t = text.strip()
    if t.endswith("Z"):
        t = t[:-1] + "+00:00"
    if len(t) == 8 and t.isdigit():
        t = f"{t[:4]}-{t[4:6]}-{t[6:]}"
    try:
        d = _dt.datetime.fromisoformat(t)
    except ValueError:
        return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=KST)
    return d.timestamp()


# --------------------------------------------------------------------------
# Strict EUC-KR (KS X 1001).
# Source: reference sms-korea.md 1.2 [exp]: Python's euc_kr codec encodes the
# 8,822 CP949-only syllables (e.g. 똠) as an 8-byte make-up sequence instead of
# failing; real KS X 1001 characters are 1 (ASCII) or 2 bytes. So a character
# is "in EUC-KR" iff it encodes to at most 2 bytes.
# --------------------------------------------------------------------------

_EUC_CACHE: dict[str, int] = {}


def euc_kr_len(ch: str) -> int:
    """Bytes of ``ch`` in strict EUC-KR, or 0 when it is outside KS X 1001."""
    n = _EUC_CACHE.get(ch)
    if n is None:
        try:
            b = ch.encode("euc_kr")
            n = len(b) if len(b) <= 2 else 0
        except UnicodeEncodeError:
            n = 0
        if len(_EUC_CACHE) < 100_000:
            _EUC_CACHE[ch] = n
    return n


def strict_euc_kr(text: str) -> tuple[int, bool]:
    """(byte count, every character representable). Unrepresentable
    characters count as 1 byte (they would become ``?``)."""
    if text.isascii():
        return len(text), True
    try:
        b = text.encode("euc_kr")
        # A4 D4 starts the 8-byte make-up sequence of a CP949-only syllable
        # (it is also U+3164 HANGUL FILLER itself, which the slow path handles).
        if b"\xa4\xd4" not in b:
            return len(b), True
    except UnicodeEncodeError:
        pass
    total, ok = 0, True
    for ch in text:
        n = euc_kr_len(ch)
        if n == 0:
            ok = False
            n = 1
        total += n
    return total, ok


def euc_kr_lossy(text: str) -> str:
    """Replace each character outside KS X 1001 by ``?``.
    Source: Aligo [doc] smartsms.aligo.in/smsapi.html — "EUC-KR이 지원하지 않는
    특수문자/이모지 입력 시 물음표(?) 등으로 변환" (reference sms-korea.md 1.2)."""
    if text.isascii():
        return text
    try:
        if b"\xa4\xd4" not in text.encode("euc_kr"):
            return text
    except UnicodeEncodeError:
        pass
    return "".join(ch if euc_kr_len(ch) else "?" for ch in text)


# --------------------------------------------------------------------------
# Durable record of accepted messages.
# --------------------------------------------------------------------------

compact_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode   # obj -> JSON text
json_str = json.encoder.encode_basestring     # str -> JSON string literal (non-ASCII kept)


class JSONText(str):
    """A JSON document already written as text, for ``FakeHandler.send_json``."""


class AcceptedLog:
    """Append-only ``DIR/accepted.jsonl``. ``append_many`` writes one JSON line
    per accepted message, flushes, and returns only once an fsync covering
    those lines has completed -- before the fake answers -- so every message
    the fake reported (or could have reported) as accepted is on disk.
    Concurrent requests share fsyncs (group commit). ``fsync=False`` keeps the
    flush (enough when only the client process is killed) and skips the fsync.
    Existing lines are kept on restart."""

    def __init__(self, state_dir: str, fsync: bool = True) -> None:
        os.makedirs(state_dir, exist_ok=True)
        self.path = os.path.join(state_dir, "accepted.jsonl")
        self.fsync = fsync
        self._lock = threading.Lock()
        self._sync = threading.Condition()
        self._syncing = False
        self.count = 0
        if os.path.exists(self.path):
            with open(self.path, "rb") as f:
                self.count = sum(1 for line in f if line.strip())
        self._synced = self.count
        self._f = open(self.path, "ab", buffering=1 << 20)

    def append_many(self, records: list) -> None:
        """Append records: dicts, or (fast path) JSON object texts missing
        their closing brace, to which ``,"seq":N}`` is added."""
        if not records:
            return
        with self._lock:
            first = self.count + 1
            self.count += len(records)
            lines = [f'{r},"seq":{seq}}}' if type(r) is str else compact_json(dict(r, seq=seq))
                     for seq, r in enumerate(records, first)]
            self._f.write(("\n".join(lines) + "\n").encode("utf-8"))
            self._f.flush()
            mine = self.count
        if self.fsync:
            self._sync_to(mine)

    def _sync_to(self, target: int) -> None:
        with self._sync:
            while self._synced < target:
                if self._syncing:
                    self._sync.wait()
                    continue
                self._syncing = True
                with self._lock:
                    upto = self.count          # everything written so far is flushed
                self._sync.release()
                try:
                    os.fsync(self._f.fileno())
                finally:
                    self._sync.acquire()
                    self._syncing = False
                    self._synced = max(self._synced, upto)
                    self._sync.notify_all()

    def read(self, since: int = 0, limit: int | None = None, **match: str) -> list[dict]:
        """Records with seq > since, optionally filtered by equal fields."""
        out: list[dict] = []
        with self._lock:
            self._f.flush()
        with open(self.path, "rb") as f:
            for line in f:
                if not line.strip():
                    continue
                r = json.loads(line)
                if r.get("seq", 0) <= since:
                    continue
                if any(str(r.get(k)) != v for k, v in match.items()):
                    continue
                out.append(r)
                if limit is not None and len(out) >= limit:
                    break
        return out

    def close(self) -> None:
        with self._lock:
            try:
                self._f.flush()
                os.fsync(self._f.fileno())
            finally:
                self._f.close()


# --------------------------------------------------------------------------
# Fault injection.
# --------------------------------------------------------------------------

# name -> default phase. "before": nothing is recorded; "after": the request
# is processed and its messages recorded first.
FAULTS = {
    "http500": "before",        # 5xx before recording (param "status", default 500)
    "http500_after": "after",   # 5xx after recording ("5xx after sending")
    "http429": "before",        # 429 + Retry-After (param "retry_after", seconds)
    "slow": "after",            # answer after "delay" seconds (default 5)
    "reset": "before",          # read the body, then TCP RST, nothing recorded
    "reset_after": "after",     # read the body, record, then TCP RST
    "malformed_json": "after",  # 200 with a truncated JSON body
    "euckr_body": "after",      # 200 with the JSON body encoded in EUC-KR
    "reject": "inline",         # per-message rejections ("receivers": {num: code}, or "all": code)
    "bad_key": "before",        # account-level: invalid credentials
    "sender_not_registered": "inline",
    "ip_not_allowed": "before",
    "balance_exhausted": "inline",
}
ALIASES = {
    "5xx": "http500", "5xx_before": "http500", "http500_before": "http500",
    "5xx_after": "http500_after", "429": "http429", "rate_limit": "http429",
    "reset_before": "reset", "timeout": "slow", "slow_after": "slow",
    "malformed": "malformed_json", "euc_kr": "euckr_body", "euckr": "euckr_body",
}


class Fault:
    def __init__(self, spec: dict) -> None:
        name = str(spec.get("fault", ""))
        name = ALIASES.get(name, name)
        if name not in FAULTS:
            raise ValueError(f"unknown fault {spec.get('fault')!r}; known: {sorted(FAULTS)}")
        self.name = name
        self.remaining = int(spec.get("count", 1))
        if self.remaining < 1:
            raise ValueError("count must be at least 1")
        for k in ("status", "retry_after", "delay"):
            if k in spec and not isinstance(spec[k], (int, float)):
                raise ValueError(f"{k} must be a number")
        if "receivers" in spec and not isinstance(spec["receivers"], dict):
            raise ValueError("receivers must be an object {number: code}")
        self.phase = str(spec.get("phase", FAULTS[name]))
        self.scope = str(spec.get("scope", "send"))
        self.params = {k: v for k, v in spec.items() if k not in ("fault", "count", "phase", "scope")}
        self.spec = dict(spec, fault=name)

    def describe(self) -> dict:
        return dict(self.spec, remaining=self.remaining, phase=self.phase, scope=self.scope)


class FaultBoard:
    """Faults queued by ``POST /__control``. Each request takes the first
    queued fault whose scope matches it and uses up one of its ``count``.
    Scopes: ``"send"`` (default: the endpoints that record messages),
    ``"all"``, or a path prefix such as ``"/remain/"``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, spec: dict) -> Fault:
        f = Fault(spec)
        with self._lock:
            self._faults.append(f)
        return f

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, path: str, is_send: bool) -> Fault | None:
        with self._lock:
            for f in self._faults:
                if f.scope == "all" or (f.scope == "send" and is_send) or (
                        f.scope.startswith("/") and path.startswith(f.scope)):
                    f.remaining -= 1
                    if f.remaining <= 0:
                        self._faults.remove(f)
                    return f
        return None

    def describe(self) -> list[dict]:
        with self._lock:
            return [f.describe() for f in self._faults]


class ResetConnection(Exception):
    """Raised inside a handler to drop the connection with a TCP RST."""


# --------------------------------------------------------------------------
# Server and handler.
# --------------------------------------------------------------------------

class FakeServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr, handler, app) -> None:
        super().__init__(addr, handler)
        self.app = app


class FakeApp:
    """Base of a gateway fake: state dir, accepted log, faults, config, clock,
    request counters. Subclasses implement ``route(handler, method, path, query, body)``
    and declare ``send_paths`` (paths that record messages)."""

    name = "fake"
    send_paths: tuple[str, ...] = ()

    def __init__(self, state_dir: str, config: dict, fsync: bool = True) -> None:
        self.state_dir = state_dir
        self.log = AcceptedLog(state_dir, fsync)
        self.faults = FaultBoard()
        self.clock = Clock()
        self.config = config
        self.lock = threading.RLock()
        self.requests: dict[str, int] = {}

    # ---- control plane -------------------------------------------------
    def control(self, body: dict) -> dict:
        if body.get("clear") or body.get("reset"):
            self.faults.clear()
        if "config" in body:
            if not isinstance(body["config"], dict):
                raise ValueError("config must be an object")
            with self.lock:
                self.apply_config(body["config"])
        if "advance" in body:
            self.clock.advance(float(body["advance"]))
        if "fault" in body:
            self.faults.add(body)
        return self.describe()

    def apply_config(self, cfg: dict) -> None:
        """All or nothing: an unknown key or a wrongly typed value changes nothing."""
        for k, v in cfg.items():
            if k not in self.config:
                raise ValueError(f"unknown config key {k!r}; known: {sorted(self.config)}")
            old = self.config[k]
            if isinstance(old, (dict, list, bool)) and type(v) is not type(old):
                raise ValueError(f"config {k!r} must be a {type(old).__name__}")
            if isinstance(old, (int, float)) and not isinstance(old, bool) and (
                    isinstance(v, bool) or not isinstance(v, (int, float))):
                raise ValueError(f"config {k!r} must be a number")
        self.config.update(cfg)

    def describe(self) -> dict:
        with self.lock:
            cfg = {k: v for k, v in self.config.items() if "secret" not in k}
        return {"ok": True, "gateway": self.name, "config": cfg, "faults": self.faults.describe(),
                "requests": dict(self.requests), "accepted": self.log.count,
                "clock_offset": self.clock._offset}

    def count_request(self, path: str) -> None:
        with self.lock:
            self.requests[path] = self.requests.get(path, 0) + 1

    def route(self, h: "FakeHandler", method: str, path: str, query: dict, body: bytes):
        raise NotImplementedError

    def close(self) -> None:
        self.log.close()


class FakeHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "KimbiseoFake/1"
    verbose = False

    def log_message(self, fmt, *args):  # quiet unless --verbose
        if self.verbose:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    @property
    def app(self) -> FakeApp:
        return self.server.app  # type: ignore[attr-defined]

    # ---- body ----------------------------------------------------------
    def read_body(self) -> bytes:
        """The whole request body, or ValueError when the client went away
        before sending all of it -- a cut request is never processed (a client
        killed mid-upload must not get a truncated message accepted)."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                line = self.rfile.readline(65537)
                if not line.endswith(b"\n"):
                    raise ValueError("request body cut inside a chunk header")
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while True:
                        trailer = self.rfile.readline(65537)
                        if trailer in (b"\r\n", b"\n"):
                            break
                        if not trailer:
                            raise ValueError("request body cut before its last chunk ended")
                    break
                chunk = self.rfile.read(size)
                if len(chunk) < size:
                    raise ValueError("request body cut inside a chunk")
                chunks.append(chunk)
                self.rfile.readline(3)
            return b"".join(chunks)
        n = int(self.headers.get("Content-Length") or 0)
        if n <= 0:
            return b""
        body = self.rfile.read(n)
        if len(body) < n:
            raise ValueError(f"request body cut after {len(body)} of {n} bytes")
        return body

    def form(self, body: bytes) -> dict[str, str]:
        """application/x-www-form-urlencoded or multipart/form-data -> last value per field."""
        ctype = self.headers.get("Content-Type") or ""
        if ctype.lower().startswith("multipart/form-data"):
            msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + body)
            out: dict[str, str] = {}
            for part in msg.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if not name:
                    continue
                if part.get_filename():
                    out[name] = part.get_filename()
                else:
                    payload = part.get_payload(decode=True) or b""
                    out[name] = payload.decode(part.get_content_charset() or "utf-8", "replace")
            return out
        text = body.decode("utf-8", "replace")
        return {k: v[-1] for k, v in urllib.parse.parse_qs(text, keep_blank_values=True).items()}

    # ---- responses -----------------------------------------------------
    def setup(self) -> None:
        super().setup()
        # Headers and body leave in one write, and without Nagle: otherwise a
        # keep-alive client waits ~40 ms per request for the delayed ACK.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def send_bytes(self, status: int, data: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        self._headers_buffer.append(b"\r\n")      # end_headers() without its flush
        self._headers_buffer.append(data)
        self.flush_headers()

    def send_json(self, status: int, obj, headers: dict | None = None, fault: Fault | None = None) -> None:
        """Send ``obj`` as JSON (a ``JSONText`` as it is), unless an "after"-phase presentation fault
        (malformed_json, euckr_body, http500_after, slow) changes the answer."""
        text = obj if isinstance(obj, JSONText) else None
        if fault is not None and fault.phase == "after":
            if fault.name == "slow":
                time.sleep(float(fault.params.get("delay", 5)))
            elif fault.name == "http500_after" or (fault.name == "http500"):
                return self.send_status_fault(fault)
            elif fault.name in ("reset", "reset_after"):
                raise ResetConnection()
            elif fault.name == "malformed_json":
                text = text or json.dumps(obj, ensure_ascii=False)
                cut = max(1, len(text) // 2)
                data = text[:cut].encode("utf-8")
                return self.send_bytes(200, data, "application/json; charset=utf-8", headers)
            elif fault.name == "euckr_body":
                text = text or json.dumps(obj, ensure_ascii=False)
                data = text.encode("euc_kr", "replace")
                declare = fault.params.get("declare", True)
                ctype = "application/json; charset=EUC-KR" if declare else "application/json"
                return self.send_bytes(200, data, ctype, headers)
            elif fault.name == "http429":
                return self.send_status_fault(fault)
        data = (text if text is not None else compact_json(obj)).encode("utf-8")
        self.send_bytes(status, data, "application/json; charset=utf-8", headers)

    def send_status_fault(self, fault: Fault) -> None:
        """5xx or 429 answer in the gateway's error shape (subclass hook)."""
        if fault.name == "http429":
            status = int(fault.params.get("status", 429))
            headers = {"Retry-After": fault.params.get("retry_after", 1)}
        else:
            status = int(fault.params.get("status", 500))
            headers = {}
            if "retry_after" in fault.params:
                headers["Retry-After"] = fault.params["retry_after"]
        obj = self.app.error_body(status)  # type: ignore[attr-defined]
        data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_bytes(status, data, "application/json; charset=utf-8", headers)

    def pre_fault(self, fault: Fault | None) -> bool:
        """Apply a "before"-phase fault. True when the answer was already sent
        (the caller must stop without recording anything)."""
        if fault is None or fault.phase != "before":
            return False
        if fault.name in ("http500", "http500_after", "http429"):
            self.send_status_fault(fault)
            return True
        if fault.name in ("reset", "reset_after"):
            raise ResetConnection()
        if fault.name == "slow":
            time.sleep(float(fault.params.get("delay", 5)))
        return False

    def reset_connection(self) -> None:
        """Abort: SO_LINGER(on, 0) + close sends a TCP RST instead of a FIN."""
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        try:
            self.connection.close()
        except OSError:
            pass
        self.close_connection = True

    # ---- dispatch ------------------------------------------------------
    def _dispatch(self, method: str) -> None:
        parsed = urllib.parse.urlsplit(self.path)
        path = parsed.path
        query = {k: v for k, v in urllib.parse.parse_qs(parsed.query, keep_blank_values=True).items()}
        try:
            body = self.read_body()
        except (OSError, ValueError):
            self.close_connection = True
            return
        try:
            if path == "/__control":
                if method == "POST":
                    try:
                        spec = json.loads(body or b"{}")
                        if not isinstance(spec, dict):
                            raise ValueError("control body must be a JSON object")
                        return self.send_json(200, self.app.control(spec))
                    except (ValueError, TypeError) as e:
                        return self.send_json(400, {"ok": False, "error": str(e)})
                return self.send_json(200, self.app.describe())
            if path == "/__accepted":
                since = int(query.get("since", ["0"])[0] or 0)
                limit = query.get("limit", [None])[0]
                match = {k: v[-1] for k, v in query.items() if k not in ("since", "limit", "count_only")}
                if query.get("count_only", ["0"])[0] not in ("0", "", "false") and not match:
                    return self.send_json(200, {"count": self.app.log.count})
                recs = self.app.log.read(since, int(limit) if limit else None, **match)
                return self.send_json(200, {"count": len(recs), "records": recs})
            self.app.count_request(path)
            self.app.route(self, method, path, query, body)
        except ResetConnection:
            self.reset_connection()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_PUT(self):
        self._dispatch("PUT")

    def do_DELETE(self):
        self._dispatch("DELETE")


# --------------------------------------------------------------------------
# Command line.
# --------------------------------------------------------------------------

def base_arg_parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 = any free port)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--state-dir", required=True, help="directory for accepted.jsonl")
    p.add_argument("--status-step", type=float, default=1.0,
                   help="seconds per step of the delivery status walk")
    p.add_argument("--sender", action="append", default=None,
                   help="registered sender number (repeatable; default 0212345678)")
    p.add_argument("--balance", type=float, default=10_000_000.0, help="account balance in won")
    p.add_argument("--no-fsync", dest="fsync", action="store_false",
                   help="flush accepted.jsonl but skip fsync (survives a killed client, not a power cut)")
    p.add_argument("--verbose", action="store_true", help="log each request to stderr")
    return p


def serve(app: FakeApp, handler_cls: type[FakeHandler], host: str, port: int, verbose: bool) -> None:
    """Listen, print ``{"port": N}`` on stdout, serve until SIGTERM/SIGINT."""
    handler_cls.verbose = verbose
    server = FakeServer((host, port), handler_cls, app)
    # A 10,000-message request makes tens of thousands of small objects, and the fake keeps
    # every accepted message: with the default thresholds the cyclic collector would walk
    # them again every few hundred allocations. Cycles (rare here) are still collected, less often.
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    sys.stdout.write(json.dumps({"port": server.server_address[1]}) + "\n")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        app.close()
