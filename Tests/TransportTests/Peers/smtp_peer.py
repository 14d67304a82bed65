#!/usr/bin/env python3
"""Loopback SMTP peer (aiosmtpd) for the Transport tests.

Usage: smtp_peer.py MAILDIR [--auth USER:PASSWORD] [--starttls]

Prints `PORT <n>` on stdout, then serves until stdin reaches end of file. With
--starttls the server offers STARTTLS with a fresh self-signed certificate, requires it
before MAIL, and prints `CA_FILE <path>` for clients to trust.

Every accepted message is stored as MAILDIR/<n>.eml (the exact bytes received) with
MAILDIR/<n>.json next to it: the envelope and what Python's `email` package parsed out of
the message (decoded subject and addresses, each MIME part's type, charset and decoded
text), plus line-ending facts about the raw bytes.

Faults on demand, chosen by a recipient's local part:
  close421@…  RCPT answered "421 4.3.2 Service shutting down"
  busy451@…   DATA answered "451 4.3.0 Mailbox busy, try again later"
  reject550@… RCPT answered "550 5.1.1 No such user here"
  slowdata@…  the message is stored, but the reply to DATA comes 5 s later
"""
import asyncio
import email
import email.policy
import json
import os
import sys
import threading
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.count = 0

    async def handle_RCPT(self, server, state, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local == "close421":
            return "421 4.3.2 Service shutting down"
        if local == "reject550":
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, state, envelope):
        if any(r.split("@")[0].lower() == "busy451" for r in envelope.rcpt_tos):
            return "451 4.3.0 Mailbox busy, try again later"
        slow = any(r.split("@")[0].lower() == "slowdata" for r in envelope.rcpt_tos)
        self.count += 1
        base = os.path.join(self.maildir, str(self.count))
        raw = envelope.original_content or envelope.content
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append({
                "content_type": part.get_content_type(),
                "charset": part.get_content_charset(),
                "transfer_encoding": part.get("Content-Transfer-Encoding"),
                "content": part.get_content(),
            })
        lines = raw.split(b"\r\n")
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(message["Subject"]),
            "from": str(message["From"]),
            "from_display_name": message["From"].addresses[0].display_name,
            "from_address": message["From"].addresses[0].addr_spec,
            "to": [a.addr_spec for a in message["To"].addresses],
            "date": str(message["Date"]),
            "date_parsed": message["Date"].datetime.isoformat() if message["Date"] else None,
            "message_id": str(message["Message-ID"]),
            "mime_version": str(message["MIME-Version"]),
            "content_type": message.get_content_type(),
            "parts": parts,
            "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
            "max_line_length": max(len(line) for line in lines),
            "defects": [str(d) for d in message.defects] + [str(d) for p in message.walk() for d in p.defects],
        }
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False, indent=1)
        if slow:
            await asyncio.sleep(5)
        return "250 2.0.0 OK queued as K%d" % self.count


def main():
    warnings.simplefilter("ignore")  # AUTH without TLS is what the tests want
    maildir = sys.argv[1]
    credentials = None
    if "--auth" in sys.argv:
        user, _, password = sys.argv[sys.argv.index("--auth") + 1].partition(":")
        credentials = (user.encode(), password.encode())

    def authenticator(server, state, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == credentials
        return AuthResult(success=ok, handled=False)

    tls = {}
    if "--starttls" in sys.argv:
        import peer_tls
        context, ca_file = peer_tls.make_server_context()
        tls = {"tls_context": context, "require_starttls": True}
        print(f"CA_FILE {ca_file}")

    handler = Handler(maildir)
    loop = asyncio.new_event_loop()

    def factory():
        if credentials:
            return SMTP(handler, authenticator=authenticator, auth_require_tls=False, auth_required=True, **tls)
        return SMTP(handler, **tls)

    server = loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=0))
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)

    def wait_for_eof():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=wait_for_eof, daemon=True).start()
    loop.run_forever()


if __name__ == "__main__":
    main()
