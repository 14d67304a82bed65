#!/usr/bin/env python3
"""Loopback fake of the Solapi (솔라피, formerly CoolSMS) messages API v4, for Kimbiseo's tests.

Endpoints (JSON, every request signed with the HMAC Authorization header):
  POST /messages/v4/send-many/detail   <= 10,000 messages, per-message rejections in HTTP 200
  GET  /messages/v4/list               filters + cursor paging, status walk 2000 -> 3000 -> 4000/3xxx
  GET  /cash/v1/balance                balance, point
plus the fake's own /__control and /__accepted (see README.md).

Sources (named per fact below):
  [auth]   solapi/documents authentication/api-key.md
  [codes]  solapi/documents api-reference/message-status-codes.md
  [list]   solapi/documents api-reference/messages/getMessageList.md;
           solapi/solapi-nodejs examples/javascript/common/src/inquiry/get_messages.js
           (messageId, messageIds, groupId, from, to, type, startDate, endDate, startKey/nextKey, limit 20)
  [send]   solapi/solapi-nodejs src/types/commonTypes.ts + sendManyDetailResponse
           (FailedMessage and MessageResponseItem fields; messageList only with showMessageList)
  [cash]   solapi/documents api-reference/cash/getBalance.md
  [ref]    /work/shared/reference/sms-korea.md section 3.2 (10,000 per call, 1026 duplicates,
           customFields limits, groupInfo.count fields)
  [inf]    the fake's own choice where no public source was found
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
import secrets
import string
import sys
import threading
import time

import fakecommon as fc

SEND_PATH = "/messages/v4/send-many/detail"
MAX_MESSAGES = 10_000        # [ref] "≤ 10,000 messages per call" (SDK doc comment)
SKEW_SECONDS = 15 * 60       # [auth] ±15 minutes -> RequestTimeTooSkewed
REPLAY_SECONDS = 15 * 60     # [auth] a signature used once is refused for 15 minutes
SMS_MAX, LMS_MAX, SUBJECT_MAX = 90, 2000, 40   # [codes] 1031, 1014
PHONE_RE = re.compile(r"^0\d{8,10}$")          # [inf]

# Status messages from the code table of [codes] (a few long ones shortened).
STATUS_TEXT = {
    "1010": "필수 입력 값 미입력", "1011": "Format Error",
    "1013": "제목은 문자 타입이 'SMS'일 경우 사용이 불가능합니다.",
    "1014": "제목은 40byte까지 사용 가능합니다.",
    "1025": "잘못된 메시지 타입", "1026": "중복 수신번호",
    "1028": "Non Printable Characters는 사용할 수 없습니다.",
    "1029": "문자메시지의 경우 EUC-KR(완성형 한글) 범위 안에 있는 문자만 사용 합니다.",
    "1030": "잔액 부족", "1031": "SMS는 90byte LMS, MMS는 2000byte 까지 사용 가능 합니다.",
    "1032": "유효한 커스텀 필드 값이 아닙니다.", "1060": "차단된 수신번호",
    "1061": "사용자에 의해 수신거부 됨(080무료수신거부)", "1062": "발신번호 미등록",
    "1064": "KISA 신고로 인한 차단",
    "2000": "정상 접수(이통사로 접수 예정)", "3000": "이통사로 접수(리포트를 기다리는 중)",
    "3010": "수신번호 형식 오류", "3040": "전송시간 초과", "3041": "단말기 busy",
    "3042": "음영지역", "3043": "단말기 Power off", "3047": "착신거절", "3054": "SPAM",
    "3055": "SPAM, nospam.or.kr 에 등록된 번호", "3059": "변작된 발신번호.",
    "4000": "수신 완료",
}

# Account-level error bodies {"errorCode","errorMessage"} [ref: non-200 shape].
AUTH_ERRORS = {   # all HTTP 403 [auth]
    "InvalidAPIKey": "유효한 API Key가 아님",
    "SignatureDoesNotMatch": "생성한 Signature가 일치하지 않음",
    "RequestTimeTooSkewed": "시간 값이 서버 시간을 15분 이상 벗어남",
    "DuplicatedSignature": "15분 안에 동일한 signature 값",
}

AUTH_RE = re.compile(r"^\s*(HMAC-SHA256|HMAC-MD5)\s+(.*)$", re.I)
_ALNUM = string.ascii_uppercase + string.digits


def valid_custom_fields(custom) -> bool:
    """customFields: string keys <= 30 chars, string values <= 100 chars [codes] 1032."""
    if not isinstance(custom, dict):
        return False
    for k, v in custom.items():
        if type(k) is not str or type(v) is not str or len(k) > 30 or len(v) > 100:
            return False
    return True


def fields_json(custom: dict) -> str:
    """JSON of a validated customFields object (string keys and values only)."""
    js = fc.json_str
    if len(custom) == 1:
        (k, v), = custom.items()
        return "{" + js(k) + ":" + js(v) + "}"
    return "{" + ",".join(js(k) + ":" + js(v) for k, v in custom.items()) + "}"


class Msg:
    __slots__ = ("mid", "gid", "to", "frm", "text", "subject", "type", "custom", "ts", "final", "seq")


class SolapiApp(fc.FakeApp):
    name = "solapi"
    send_paths = (SEND_PATH,)

    def __init__(self, state_dir: str, config: dict, fsync: bool = True) -> None:
        super().__init__(state_dir, config, fsync)
        self.messages: list[Msg] = []
        self.by_id: dict[str, Msg] = {}
        self.by_group: dict[str, list[Msg]] = {}
        self.by_to: dict[str, list[Msg]] = {}
        # Accepted requests not yet in the indexes above: (gid, time, carrier_fail, rows).
        # Sending only appends here; the list API indexes them when it is asked.
        self._unindexed: list[tuple[str, float, dict, list[tuple]]] = []
        self.seen: dict[str, float] = {}      # signature or salt -> first use (replay window)
        self._auth_count = itertools.count(1)
        self._seen_lock = threading.Lock()
        self.reload()

    def remember(self, mid, gid, to, frm, text, subject, mtype, custom, ts, final) -> None:
        """Index one accepted message for the list API (caller holds self.lock)."""
        rec = Msg()
        rec.mid, rec.gid, rec.to, rec.frm, rec.text = mid, gid, to, frm, text
        rec.subject, rec.type, rec.custom, rec.ts, rec.final = subject, mtype, custom, ts, final
        self.messages.append(rec)
        rec.seq = len(self.messages)
        self.by_id[mid] = rec
        self.by_group.setdefault(gid, []).append(rec)
        self.by_to.setdefault(to, []).append(rec)

    def index_accepted(self) -> None:
        """Indexes the requests accepted since the last call (caller holds self.lock)."""
        for gid, ts, fails, rows in self._unindexed:
            for mid, to, frm, text, subject, mtype, custom in rows:
                self.remember(mid, gid, to, frm, text, subject, mtype, custom, ts, fails.get(to, "4000"))
        self._unindexed.clear()

    def reload(self) -> None:
        """After a restart on the same state dir, the list API still knows every
        message in accepted.jsonl (their walk restarts from their recorded time)."""
        fails = {k.replace("-", ""): str(v) for k, v in self.config["carrier_fail"].items()}
        with self.lock:
            for r in self.log.read(gateway="solapi"):
                self.remember(r["gateway_id"], r["batch_id"], r["receiver"], r["sender"], r["text"],
                              r.get("subject", ""), r["type"], r.get("custom_fields") or {},
                              fc.parse_time(r["time"]) or time.time(), fails.get(r["receiver"], "4000"))

    # ---- ids -------------------------------------------------------------
    _run = "".join(secrets.choice(_ALNUM) for _ in range(5))   # differs per fake process
    _ids = itertools.count(1)

    @classmethod
    def new_id(cls, prefix: str, stamp: str) -> str:
        """``M4V`` / ``G4V`` + yyyymmddHHMMSS + 15 [A-Z0-9], the shape of
        "M4V20180307110044DTYYJBBYLPQZIB1" in the [list] sample. The 15 are a
        per-process random part and a counter, so ids never repeat."""
        return f"{prefix}{stamp}{cls._run}{next(cls._ids):010X}"

    @classmethod
    def new_ids(cls, prefix: str, stamp: str, count: int) -> list[str]:
        """``count`` ids of ``new_id``'s shape at once."""
        head = prefix + stamp + cls._run
        return [f"{head}{n:010X}" for n in itertools.islice(cls._ids, count)]

    def error_body(self, status: int) -> dict:
        code = "TooManyRequests" if status == 429 else "InternalError"   # [inf]
        return {"errorCode": code, "errorMessage": f"HTTP {status}"}

    @staticmethod
    def err(h, status: int, code: str, message: str, fault=None) -> None:
        h.send_json(status, {"errorCode": code, "errorMessage": message}, fault=fault)

    # ---- auth [auth] -------------------------------------------------------
    def check_auth(self, h) -> str | None:
        """None when the Authorization header is valid, else the errorCode sent."""
        m = AUTH_RE.match(h.headers.get("Authorization") or "")
        if not m:
            self.err(h, 401, "Unauthorized", "Authorization 헤더가 없거나 형식이 잘못됨")  # [inf]
            return "Unauthorized"
        algo = m.group(1).upper()
        fields = {}
        for part in m.group(2).split(","):
            if "=" in part:
                k, v = part.split("=", 1)
                fields[k.strip()] = v.strip()
        with self.lock:
            api_key, secret = self.config["api_key"], self.config["api_secret"]
        if fields.get("apiKey") != api_key:
            return self._auth_fail(h, "InvalidAPIKey")
        date, salt, sig = fields.get("date", ""), fields.get("salt", ""), fields.get("signature", "")
        ts = fc.parse_time(date) if date else None
        now = time.time()                        # real clock, never the test clock
        if ts is None or abs(now - ts) > SKEW_SECONDS:
            return self._auth_fail(h, "RequestTimeTooSkewed")
        digest = hashlib.sha256 if algo == "HMAC-SHA256" else hashlib.md5
        expect = hmac.new(secret.encode(), (date + salt).encode(), digest).hexdigest()
        if not hmac.compare_digest(expect, sig.lower()):
            return self._auth_fail(h, "SignatureDoesNotMatch")
        with self._seen_lock:
            if len(self.seen) > 100_000 or (next(self._auth_count) % 1000 == 0):
                cutoff = now - REPLAY_SECONDS
                self.seen = {k: v for k, v in self.seen.items() if v >= cutoff}
            # [auth] forbids reusing a signature within 15 minutes. The fake is
            # stricter [inf]: a salt is also single-use, whatever the date.
            if ("sig:" + sig) in self.seen or ("salt:" + salt) in self.seen:
                return self._auth_fail(h, "DuplicatedSignature")
            self.seen["sig:" + sig] = now
            self.seen["salt:" + salt] = now
        return None

    def _auth_fail(self, h, code: str) -> str:
        self.err(h, 403, code, AUTH_ERRORS[code])
        return code

    # ---- routing -------------------------------------------------------------
    def route(self, h, method, path, query, body):
        routes = {
            ("POST", SEND_PATH): self.send_many,
            ("GET", "/messages/v4/list"): self.list_messages,
            ("GET", "/cash/v1/balance"): self.balance,
        }
        handler = routes.get((method, path))
        if handler is None:
            return self.err(h, 404, "NotFound", f"{method} {path} 없음")   # [inf]
        fault = self.faults.take(path, path in self.send_paths)
        if h.pre_fault(fault):
            return
        if fault and fault.name == "bad_key":
            return self.err(h, 403, "InvalidAPIKey", AUTH_ERRORS["InvalidAPIKey"], fault)
        if self.check_auth(h):
            return
        with self.lock:
            ip_ok = self.config["ip_allowed"]
        if (fault and fault.name == "ip_not_allowed") or not ip_ok:
            # Solapi keys can be restricted to IPs; the exact error body was not found [inf].
            return self.err(h, 403, "Forbidden", "허용되지 않은 IP에서의 요청입니다.", fault)
        return handler(h, query, body, fault)

    # ---- send-many/detail ------------------------------------------------------
    def send_many(self, h, query, body, fault):
        try:
            doc = json.loads(body or b"")
        except (ValueError, UnicodeDecodeError):
            return self.err(h, 400, "ValidationError", "JSON 형식이 아닙니다.", fault)       # [inf]
        msgs = doc.get("messages") if isinstance(doc, dict) else None
        if not isinstance(msgs, list) or not msgs:
            return self.err(h, 400, "ValidationError", "messages 배열이 필요합니다.", fault)   # [inf]
        if len(msgs) > MAX_MESSAGES:
            return self.err(h, 400, "ValidationError",
                            f"한 번에 최대 {MAX_MESSAGES}건까지 발송할 수 있습니다.", fault)   # [ref] limit, [inf] body
        allow_dup = bool(doc.get("allowDuplicates"))
        show_list = bool(doc.get("showMessageList")) or self.config["always_message_list"]

        with self.lock:
            cfg = self.config
            senders = {s.replace("-", "") for s in cfg["senders"]}
            reject = {k.replace("-", ""): str(v) for k, v in cfg["reject"].items()}
            carrier_fail = {k.replace("-", ""): str(v) for k, v in cfg["carrier_fail"].items()}
            prices = {k: float(v) for k, v in cfg["prices"].items()}
            account = cfg["account_id"]
            id_field = cfg["our_id_field"]
        reject_all = None
        if fault and fault.name == "reject":
            reject.update({k.replace("-", ""): str(v) for k, v in (fault.params.get("receivers") or {}).items()})
            reject_all = fault.params.get("all")
        if fault and fault.name == "sender_not_registered":
            reject_all = "1062"
        if fault and fault.name == "balance_exhausted":
            reject_all = "1030"

        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
        gid = self.new_id("G4V", stamp)
        now = self.clock.now()
        failed = []
        accepted = []     # (mid, to, frm, text, subject, mtype, custom) per accepted message
        seen_to: set[str] = set()
        strict, phone_ok = fc.strict_euc_kr, PHONE_RE.match

        def fail(mid, to, frm, mtype, code, custom):
            failed.append({"to": to, "from": frm, "type": mtype or "SMS",
                           "statusMessage": STATUS_TEXT.get(code, "접수 실패"), "country": "82",
                           "messageId": mid, "statusCode": code, "accountId": account,
                           "customFields": custom})

        with self.lock:
            # Balance is charged per accepted message; the ones it no longer
            # covers fail with 1030 "잔액 부족" [codes] inside the HTTP 200 [ref].
            bal = float(self.config["balance"])
            for m, mid in zip(msgs, self.new_ids("M4V", stamp, len(msgs))):
                if type(m) is not dict:
                    m = {}
                get = m.get
                to, frm, text = get("to"), get("from"), get("text")
                to = to.replace("-", "") if type(to) is str else str(to or "")
                frm = frm.replace("-", "") if type(frm) is str else str(frm or "")
                subject = get("subject") or ""
                custom = get("customFields") or {}
                mtype = str(get("type") or "").upper()
                code = None
                if not to or not frm or type(text) is not str or text == "":
                    code = "1010"
                    text = ""
                nbytes, charset_ok = strict(text)
                sbytes, subject_ok = strict(subject) if subject else (0, True)
                if code is None:
                    if not mtype:                        # autoTypeDetect: LMS if > 90 bytes or subject [ref]
                        mtype = "LMS" if (nbytes > SMS_MAX or subject) else "SMS"
                    if mtype not in ("SMS", "LMS", "MMS"):
                        code = "1025"
                    elif not phone_ok(to):
                        code = "1011"                    # [inf] which 1xxx code a bad number gets
                    elif frm not in senders:
                        code = "1062"
                    elif to in seen_to and not allow_dup:
                        code = "1026"
                    elif reject_all:
                        code = str(reject_all)
                    elif to in reject:
                        code = reject[to]
                    elif not charset_ok or not subject_ok:
                        code = "1029"
                    elif mtype == "SMS" and subject:
                        code = "1013"
                    elif sbytes > SUBJECT_MAX:
                        code = "1014"
                    elif nbytes > (SMS_MAX if mtype == "SMS" else LMS_MAX):
                        code = "1031"
                    elif not valid_custom_fields(custom):
                        code = "1032"
                seen_to.add(to)
                if type(custom) is not dict:
                    custom = {}
                if code is None:
                    price = prices.get(mtype, 0)
                    if bal < price:
                        code = "1030"
                if code is not None:
                    fail(mid, to, frm, mtype, code, custom)
                    continue
                bal -= price
                accepted.append((mid, to, frm, text, subject, mtype, custom))
            self.config["balance"] = bal
            custom_json = [fields_json(a[6]) for a in accepted]
            self.log.append_many(self.records(accepted, custom_json, gid, fc.iso_utc(now), id_field))   # durable before answering
            self._unindexed.append((gid, now, carrier_fail, accepted))

        n, nok = len(msgs), len(accepted)
        date = fc.iso_utc(now)
        # groupInfo.count fields as listed in [ref]; values at acceptance time [inf].
        group = {
            "groupId": gid, "accountId": account, "apiVersion": "4",
            "status": "SENDING" if nok else "FAILED",
            "count": {"total": n, "sentTotal": 0, "sentFailed": 0, "sentSuccess": 0,
                      "sentPending": nok, "sentReplacement": 0, "refund": 0,
                      "registeredFailed": n - nok, "registeredSuccess": nok},
            "dateCreated": date, "dateUpdated": date,
        }
        # Written as text: the list of up to 10,000 items is the bulk of the answer.
        out = '{"groupInfo":' + fc.compact_json(group) + ',"failedMessageList":' + fc.compact_json(failed)
        if show_list:   # [send] only with showMessageList: true
            js, status = fc.json_str, '"statusCode":"2000","statusMessage":' + fc.json_str(STATUS_TEXT["2000"])
            out += ',"messageList":[' + ",".join([
                f'{{"messageId":"{a[0]}",{status},"customFields":{cj},"to":{js(a[1])}}}'
                for a, cj in zip(accepted, custom_json)]) + "]"
        h.send_json(200, fc.JSONText(out + "}"), fault=fault)

    @staticmethod
    def records(accepted: list[tuple], custom_json: list[str], gid: str, created: str, id_field: str) -> list[str]:
        """accepted.jsonl lines (without their closing ``,"seq":N}``) of the accepted messages."""
        js = fc.json_str
        head = '{"gateway":"solapi","path":"' + SEND_PATH + '","receiver":'
        tail = f',"batch_id":"{gid}","time":"{created}"'
        lines = []
        for (mid, to, frm, text, subject, mtype, custom), cj in zip(accepted, custom_json):
            our = custom.get(id_field)
            if our is None and len(custom) == 1:
                our = next(iter(custom.values()))
            lines.append(
                f'{head}{js(to)},"sender":{js(frm)},"text":{js(text)},"subject":{js(subject)},'
                f'"type":"{mtype}","our_id":{js(our) if type(our) is str else "null"},'
                f'"custom_fields":{cj},"gateway_id":"{mid}"{tail}')
        return lines

    # ---- status walk -------------------------------------------------------
    def status_of(self, m: Msg, now: float) -> tuple[str, float | None]:
        """2000 (accepted) -> 3000 (handed to carrier) -> 4000 or a 3xxx failure,
        one ``status_step`` apart [codes]."""
        step = float(self.config["status_step"])
        age = now - m.ts
        if age < step:
            return "2000", None
        if age < 2 * step:
            return "3000", None
        return m.final, m.ts + 2 * step

    def field(self, m: Msg, name: str, now: float):
        """A message field by its list-API name, for ``ne`` filters."""
        return {"messageId": m.mid, "groupId": m.gid, "to": m.to, "from": m.frm, "type": m.type,
                "statusCode": self.status_of(m, now)[0] if name == "statusCode" else None}.get(name)

    def view(self, m: Msg, now: float, account: str) -> dict:
        code, done = self.status_of(m, now)
        created = fc.iso_utc(m.ts)
        return {"_id": m.mid, "messageId": m.mid, "groupId": m.gid, "accountId": account,
                "type": m.type, "country": "82", "from": m.frm, "to": m.to, "text": m.text,
                "subject": m.subject or None, "imageId": None, "customFields": m.custom,
                "statusCode": code, "statusMessage": STATUS_TEXT.get(code, ""),
                "reason": None if code in ("2000", "3000", "4000") else STATUS_TEXT.get(code, code),
                "dateCreated": created,
                "dateUpdated": fc.iso_utc(done) if done else created,
                "dateProcessed": fc.iso_utc(m.ts + float(self.config["status_step"])) if code != "2000" else None,
                "dateReported": fc.iso_utc(done) if done else None,
                "dateReceived": fc.iso_utc(done) if code == "4000" and done else None,
                "networkName": "ETC", "replacement": False, "autoTypeDetect": True, "log": []}

    # ---- GET /messages/v4/list [list] -------------------------------------
    def list_messages(self, h, query, body, fault):
        q = {k: v[-1] for k, v in query.items()}
        ids: list[str] = []
        for key in ("messageIds", "messageIds[]"):
            for v in query.get(key, []):
                v = v.strip()
                if v.startswith("["):
                    try:
                        ids.extend(str(x) for x in json.loads(v))
                        continue
                    except ValueError:
                        pass
                ids.extend(x for x in v.split(",") if x)
        if q.get("messageId"):
            ids.append(q["messageId"])
        eq: dict[str, str] = {}
        for k in ("groupId", "to", "from", "type", "statusCode"):
            if q.get(k):
                eq[k] = q[k]
        start = fc.parse_time(q.get("startDate", ""))
        end = fc.parse_time(q.get("endDate", ""))
        ne: dict[str, str] = {}
        # Legacy form criteria=a,b&cond=eq,gte&value=x,y [list]. The fake supports
        # eq/ne on every field and gt/gte/lt/lte on dateCreated/dateUpdated [inf].
        if q.get("criteria"):
            crit = q["criteria"].split(",")
            vals = (q.get("value") or "").split(",")
            conds = (q.get("cond") or "").split(",")
            for i, c in enumerate(crit):
                op = conds[i] if i < len(conds) and conds[i] else "eq"
                v = vals[i] if i < len(vals) else ""
                if c in ("dateCreated", "dateUpdated") and op in ("gt", "gte", "lt", "lte"):
                    t = fc.parse_time(v)
                    if t is None:
                        return self.err(h, 400, "ValidationError", f"{c} 값이 날짜가 아닙니다.", fault)
                    if op in ("gt", "gte"):
                        start = t if start is None else max(start, t)
                    else:
                        end = t if end is None else min(end, t)
                elif op == "eq" and c == "messageId":
                    ids.append(v)
                elif op == "eq":
                    eq[c] = v
                elif op == "ne":
                    ne[c] = v
                else:
                    return self.err(h, 400, "ValidationError", f"{c} {op} 미지원 (fake)", fault)
        try:
            limit = max(1, min(500, int(q.get("limit") or 20)))   # default 20 [list]; max [inf]
        except ValueError:
            return self.err(h, 400, "ValidationError", "limit은 숫자입니다.", fault)
        start_key = q.get("startKey") or None

        now = self.clock.now()
        with self.lock:
            self.index_accepted()
            account = self.config["account_id"]
            if ids:
                pool = sorted({self.by_id[i].seq: self.by_id[i] for i in ids if i in self.by_id}.items())
                pool = [m for _, m in pool]
            elif "groupId" in eq:
                pool = list(self.by_group.get(eq["groupId"], []))
            elif "to" in eq:
                pool = list(self.by_to.get(eq["to"].replace("-", ""), []))
            else:
                pool = list(self.messages)
        out_list = []
        for m in pool:
            if "groupId" in eq and m.gid != eq["groupId"]:
                continue
            if "to" in eq and m.to != eq["to"].replace("-", ""):
                continue
            if "from" in eq and m.frm != eq["from"].replace("-", ""):
                continue
            if "type" in eq and m.type != eq["type"].upper():
                continue
            if start is not None and m.ts < start:
                continue
            if end is not None and m.ts > end:
                continue
            if "statusCode" in eq and self.status_of(m, now)[0] != eq["statusCode"]:
                continue
            if ne and any(str(self.field(m, k, now)) == v for k, v in ne.items()):
                continue
            out_list.append(m)
        # Cursor: startKey is the messageId the page starts at; nextKey the one
        # the next page starts at, null on the last page (SDK paging example [list]).
        begin = 0
        if start_key:
            begin = next((i for i, m in enumerate(out_list) if m.mid == start_key), len(out_list))
        page = out_list[begin: begin + limit]
        nxt = out_list[begin + limit].mid if len(out_list) > begin + limit else None
        h.send_json(200, {"startKey": start_key, "nextKey": nxt, "limit": limit,
                          "messageList": {m.mid: self.view(m, now, account) for m in page}}, fault=fault)

    # ---- GET /cash/v1/balance [cash] --------------------------------------
    def balance(self, h, query, body, fault):
        with self.lock:
            bal, point, account = self.config["balance"], self.config["point"], self.config["account_id"]
        h.send_json(200, {"lowBalanceAlert": {"notificationBalance": "0", "currentBalance": None,
                                              "balances": [], "channels": [], "enabled": False},
                          "point": point, "minimumCash": 0, "rechargeTo": 0, "autoRecharge": 0,
                          "accountId": account, "balance": bal}, fault=fault)


def main(argv=None) -> None:
    p = fc.base_arg_parser("Loopback fake of the Solapi messages API v4")
    p.add_argument("--api-key", default="NCSTESTKEY0000001")
    p.add_argument("--api-secret", default="test-solapi-secret")
    p.add_argument("--our-id-field", default="kimbiseo_id",
                   help="customFields key recorded as our_id (a sole customFields value is used otherwise)")
    a = p.parse_args(argv)
    config = {
        "api_key": a.api_key, "api_secret": a.api_secret, "account_id": "19990101000001",
        "senders": a.sender or ["0212345678"],
        "ip_allowed": True,
        "balance": a.balance, "point": 0,
        "prices": {"SMS": 20.0, "LMS": 50.0, "MMS": 200.0},   # [inf] won per message
        "reject": {},         # receiver -> 1xxx code, e.g. {"01000000080": 1061}
        "carrier_fail": {},   # receiver -> final 3xxx code instead of 4000, e.g. 3043
        "status_step": a.status_step,
        "our_id_field": a.our_id_field,
        "always_message_list": False,
    }
    fc.serve(SolapiApp(a.state_dir, config, a.fsync), fc.FakeHandler, a.host, a.port, a.verbose)


if __name__ == "__main__":
    main()
