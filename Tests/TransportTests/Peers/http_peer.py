#!/usr/bin/env python3
"""Loopback HTTP/1.1 peer for the Transport tests and the capacity benchmark.

Prints, one per line on stdout, then serves until stdin reaches end of file:
  PORT <n>         the HTTP server (keep-alive, one thread per connection)
  SILENT_PORT <n>  accepts TCP connections and never says a word (TLS handshake timeouts)
  CLOSED_PORT <n>  a port that was bound and released: nothing listens there
With --tls also:
  TLS_PORT <n>     the same server over HTTPS, with a fresh self-signed certificate
  CA_FILE <path>   that certificate, for clients to trust

Paths (any method; the request body is always read in full first):
  /echo             200, the request body back; X-Method, X-Target (the raw request
                    target), X-Client-Port and X-Content-Type describe the request
  /delay?ms=N&key=K 200 after N ms; requests under K that overlap in time are counted
  /overlap?key=K    the most /delay requests under K that were in progress at once, as text
  /status?code=N&retry_after=S   status N with Retry-After: S when given
  /reset?key=K      records the request under K, then resets the connection (RST) without
                    answering
  /slow?ms=N&key=K  records the request under K, answers 200 after N ms
  /count?key=K      how many requests were recorded under K, as text
"""
import http.server
import os
import socket
import struct
import sys
import threading
import time
import urllib.parse

recorded = {}
recorded_lock = threading.Lock()
in_progress = {}
most_in_progress = {}


def record(key):
    with recorded_lock:
        recorded[key] = recorded.get(key, 0) + 1


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Without this, header and body writes meet Nagle + delayed ACK: 40 ms per request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        body = self.read_body()
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        path = url.path
        if path == "/echo":
            self.reply(200, body, [
                ("Content-Type", self.headers.get("Content-Type") or "application/octet-stream"),
                ("X-Method", self.command),
                ("X-Target", self.path),
                ("X-Client-Port", str(self.client_address[1])),
                ("X-Content-Type", self.headers.get("Content-Type") or ""),
            ])
        elif path == "/delay":
            key = query.get("key", "")
            with recorded_lock:
                in_progress[key] = in_progress.get(key, 0) + 1
                most_in_progress[key] = max(most_in_progress.get(key, 0), in_progress[key])
            time.sleep(int(query.get("ms", "0")) / 1000)
            with recorded_lock:
                in_progress[key] -= 1
            self.reply(200, b"ok")
        elif path == "/overlap":
            with recorded_lock:
                count = most_in_progress.get(query.get("key", ""), 0)
            self.reply(200, str(count).encode())
        elif path == "/status":
            headers = [("Retry-After", query["retry_after"])] if "retry_after" in query else []
            self.reply(int(query.get("code", "200")), b"status", headers)
        elif path == "/reset":
            record(query.get("key", ""))
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif path == "/slow":
            record(query.get("key", ""))
            time.sleep(int(query.get("ms", "0")) / 1000)
            self.reply(200, b"late")
        elif path == "/count":
            with recorded_lock:
                count = recorded.get(query.get("key", ""), 0)
            self.reply(200, str(count).encode())
        else:
            self.reply(404, b"no such path")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = handle_any


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs when 8 clients connect at once


def silent_listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    held = []

    def accept_forever():
        while True:
            conn, _ = sock.accept()
            held.append(conn)

    threading.Thread(target=accept_forever, daemon=True).start()
    return sock.getsockname()[1]


def closed_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def main():
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"PORT {server.server_address[1]}")
    print(f"SILENT_PORT {silent_listener()}")
    print(f"CLOSED_PORT {closed_port()}")
    if "--tls" in sys.argv:
        import peer_tls
        context, ca_file = peer_tls.make_server_context()
        tls_server = Server(("127.0.0.1", 0), Handler)
        tls_server.socket = context.wrap_socket(tls_server.socket, server_side=True)
        threading.Thread(target=tls_server.serve_forever, daemon=True).start()
        print(f"TLS_PORT {tls_server.server_address[1]}")
        print(f"CA_FILE {ca_file}")
    sys.stdout.flush()
    sys.stdin.read()  # the test process closed our stdin (or died)
    os._exit(0)


if __name__ == "__main__":
    main()
