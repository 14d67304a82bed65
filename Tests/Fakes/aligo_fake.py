#!/usr/bin/env python3
"""Loopback fake of the Aligo (알리고) SMS HTTP API, for Kimbiseo's tests.

Endpoints (all POST, form fields, JSON answers, HTTP 200 even on failure):
  /send/        same text to <= 1,000 receivers (receiver=a,b,c; msg; destination)
  /send_mass/   own text per receiver: rec_1..rec_500, msg_1..msg_500, cnt, msg_type
  /list/        sent batches (page, page_size, start_date, limit_day)
  /sms_list/    per-receiver detail of one batch (mid, page, page_size); /sms_detail/ is an alias
  /remain/      SMS_CNT, LMS_CNT, MMS_CNT sendable with the balance
plus the fake's own /__control and /__accepted (see README.md).

Sources for the API shape (named per fact below):
  [doc]  smartsms.aligo.in/admin/api/spec.html, smartsms.aligo.in/smsapi.html
         (as summarised in /work/shared/reference/sms-korea.md section 3.1)
  [2nd]  public client code quoted in that reference (response samples, error texts)
  [inf]  the fake's own choice where no public source was found
"""

from __future__ import annotations

import itertools
import re
import sys

import fakecommon as fc

# Error codes and messages. Only -101 "인증오류입니다." / "인증오류입니다.-IP" and the
# text "등록되지 않은 발신번호입니다." are seen in public client code [2nd]; the other
# numbers follow a public TypeScript client's constant table (ALIGO_ERROR_CODES:
# -102 invalid param, -201 insufficient point, -301 invalid phone, -302 invalid
# sender) [2nd, unverified]. All are negative, which is the documented rule
# ("result_code < 0 = failure") [doc].
CODE_AUTH = -101
CODE_PARAM = -102
CODE_POINT = -201
CODE_PHONE = -301
CODE_SENDER = -302
MSG_AUTH = "인증오류입니다."
MSG_AUTH_IP = "인증오류입니다.-IP"
MSG_SENDER = "등록되지 않은 발신번호입니다."
MSG_POINT = "잔여 포인트가 부족합니다."          # [inf] wording
MSG_PHONE = "수신번호가 올바르지 않습니다."       # [inf] wording

SMS_MAX = 90          # bytes; "SMS 90byte" [doc]
LMS_MAX = 2000        # bytes; msg 1~2,000byte [doc]
TITLE_MAX = 44        # bytes; title 1~44byte for LMS/MMS [doc]
SEND_MAX = 1000       # /send/ receivers "최대 1천명" [doc]
MASS_MAX = 500        # /send_mass/ rec_1..rec_500 [doc]

# Korean phone numbers: 0 + 8..10 digits once hyphens are removed [inf].
PHONE_RE = re.compile(r"^0\d{8,10}$")

STATE_SENDING = "전송중"     # sms_state while in flight [inf wording]
STATE_DONE = "발송완료"      # sms_state after delivery [2nd] (reference 3.1)


def digits(s: str) -> str:
    return s.replace("-", "").replace(" ", "").strip()


class AligoApp(fc.FakeApp):
    name = "aligo"
    send_paths = ("/send/", "/send_mass/")

    def __init__(self, state_dir: str, config: dict, fsync: bool = True) -> None:
        super().__init__(state_dir, config, fsync)
        self.batches: list[dict] = []          # in send order
        self.by_mid: dict[int, dict] = {}
        base = 100_000_000 + self.log.count    # msg_id like "146645343" [2nd]
        self._mid = itertools.count(base + 1)
        self._mdid = itertools.count(base * 10 + 1)
        self._alt = itertools.count()
        self.reload()

    def reload(self) -> None:
        """After a restart on the same state dir, /list/ and /sms_list/ still know
        every batch in accepted.jsonl (rejected receivers are not on file, so
        their error counts start at 0; the status walk restarts from the recorded time)."""
        fails = {digits(k): v for k, v in self.config["carrier_fail"].items()}
        with self.lock:
            for r in self.log.read(gateway="aligo"):
                mid = int(r["batch_id"])
                b = self.by_mid.get(mid)
                if b is None:
                    b = {"mid": mid, "type": r["type"], "sender": r["sender"], "msg": r["text"],
                         "ts": fc.parse_time(r["time"]) or 0.0, "reserve": r.get("reserve", ""),
                         "testmode": r.get("testmode", False), "errors": 0, "details": []}
                    self.by_mid[mid] = b
                    self.batches.append(b)
                b["details"].append({"mdid": int(r["gateway_id"]), "receiver": r["receiver"], "msg": r["text"],
                                     "type": r["type"],
                                     "final": fails.get(r["receiver"], STATE_DONE)})

    # ---- answers and status ---------------------------------------------
    def styled(self, result_code: int, payload: dict) -> dict:
        """Apply config "result_code_style":
        number      -> {"result_code": 1, "msg_id": 146645343, ...}
        string      -> {"result_code": "1", "msg_id": "146645343", counts as numbers}
                       (the sample a public Go client captured [2nd])
        all_strings -> every scalar a string (a public Kotlin client models them so [2nd])
        alternate   -> number and string answers alternate request by request."""
        style = self.config["result_code_style"]
        if style == "alternate":
            style = "string" if next(self._alt) % 2 else "number"
        out = {"result_code": result_code}
        out.update(payload)
        if style == "string":
            out["result_code"] = str(result_code)
            if "msg_id" in out:
                out["msg_id"] = str(out["msg_id"])
        elif style == "all_strings":
            out = {k: (str(v) if isinstance(v, (int, float)) else v) for k, v in out.items()}
        return out

    def error_body(self, status: int) -> dict:
        return {"result_code": -999, "message": f"HTTP {status}"}  # [inf]

    def fail(self, h: fc.FakeHandler, code: int, message: str, fault=None, **extra) -> None:
        payload = {"message": message}
        payload.update(extra)
        h.send_json(200, self.styled(code, payload), fault=fault)

    def state_of(self, d: dict, batch: dict, now: float) -> tuple[str, str]:
        """sms_state and send_date of one receiver at ``now`` (status walk)."""
        step = float(self.config["status_step"])
        if now - batch["ts"] < 2 * step:
            return STATE_SENDING, ""
        final = d["final"]
        return final, fc.kst_text(batch["ts"] + 2 * step)

    # ---- routing -------------------------------------------------------
    def route(self, h, method, path, query, body):
        if path == "/sms_detail/":
            path = "/sms_list/"
        handler = {
            "/send/": self.send, "/send_mass/": self.send,
            "/list/": self.list_batches, "/sms_list/": self.sms_list, "/remain/": self.remain,
        }.get(path)
        if handler is None:
            return h.send_json(404, {"result_code": -999, "message": "not found"})
        fault = self.faults.take(path, path in self.send_paths)
        if h.pre_fault(fault):
            return
        if method != "POST":
            return h.send_json(405, {"result_code": -999, "message": "POST only"})  # [doc] "HTTPS POST"
        form = h.form(body)
        # Auth: key + user_id (the status APIs' table spells it userid; accept both) [doc + 2nd].
        with self.lock:
            key, uid = self.config["key"], self.config["user_id"]
            ip_ok = self.config["ip_allowed"]
        user = form.get("user_id", form.get("userid", ""))
        if (fault and fault.name == "bad_key") or form.get("key") != key or user != uid:
            return self.fail(h, CODE_AUTH, MSG_AUTH, fault)
        if (fault and fault.name == "ip_not_allowed") or not ip_ok:
            return self.fail(h, CODE_AUTH, MSG_AUTH_IP, fault)
        return handler(h, path, form, fault)

    # ---- /send/ and /send_mass/ -----------------------------------------
    def send(self, h, path, form, fault):
        sender = digits(form.get("sender", ""))
        if not sender:
            return self.fail(h, CODE_PARAM, "발신번호(sender)가 없습니다.", fault)  # [inf] wording
        with self.lock:
            registered = {digits(s) for s in self.config["senders"]}
        if (fault and fault.name == "sender_not_registered") or sender not in registered:
            return self.fail(h, CODE_SENDER, MSG_SENDER, fault)

        msg_type = form.get("msg_type", "").upper()
        if msg_type and msg_type not in ("SMS", "LMS", "MMS"):
            return self.fail(h, CODE_PARAM, "msg_type은 SMS, LMS, MMS 중 하나입니다.", fault)
        pairs: list[tuple[str, str]] = []
        if path == "/send_mass/":
            # cnt 1~500 and must match rec_n/msg_n; msg_type required here [doc].
            if not msg_type:
                return self.fail(h, CODE_PARAM, "msg_type이 없습니다.", fault)
            try:
                cnt = int(form.get("cnt", ""))
            except ValueError:
                return self.fail(h, CODE_PARAM, "cnt가 올바르지 않습니다.", fault)
            present = sum(1 for k in form if k.startswith("rec_"))
            if cnt < 1 or cnt > MASS_MAX or present > MASS_MAX:
                return self.fail(h, CODE_PARAM, f"수신자는 최대 {MASS_MAX}명입니다.", fault)
            if present != cnt:
                return self.fail(h, CODE_PARAM, "cnt와 수신자 수가 일치하지 않습니다.", fault)
            for i in range(1, cnt + 1):
                rec, msg = form.get(f"rec_{i}"), form.get(f"msg_{i}")
                if rec is None or msg is None or msg == "":
                    return self.fail(h, CODE_PARAM, f"rec_{i}/msg_{i}가 없습니다.", fault)
                pairs.append((rec, msg))
        else:
            msg = form.get("msg", "")
            receivers = [r for r in form.get("receiver", "").split(",") if r.strip()]
            if not msg or not receivers:
                return self.fail(h, CODE_PARAM, "receiver 또는 msg가 없습니다.", fault)
            if len(receivers) > SEND_MAX:
                return self.fail(h, CODE_PARAM, f"수신자는 최대 {SEND_MAX}명입니다.", fault)
            # destination "01011111111|홍길동,..." fills %고객명% [doc].
            names = {}
            for item in form.get("destination", "").split(","):
                if "|" in item:
                    num, nm = item.split("|", 1)
                    names[digits(num)] = nm
            for r in receivers:
                pairs.append((r, msg.replace("%고객명%", names.get(digits(r), ""))))

        title = form.get("title", "")
        testmode = form.get("testmode_yn", "N").upper() == "Y"   # [doc] not really sent
        reserve = (form.get("rdate", "") + " " + form.get("rtime", "")).strip()

        with self.lock:
            reject = {digits(k): v for k, v in self.config["reject"].items()}
            carrier_fail = {digits(k): v for k, v in self.config["carrier_fail"].items()}
        if fault and fault.name == "reject":
            reject.update({digits(k): v for k, v in (fault.params.get("receivers") or {}).items()})
        reject_all = fault.params.get("all") if fault and fault.name == "reject" else None

        accepted: list[tuple[str, str, str]] = []   # (receiver, text, type)
        errors = 0
        for rec, msg in pairs:
            num = digits(rec)
            text = fc.euc_kr_lossy(msg)               # non-EUC-KR -> "?" [doc]
            nbytes, _ = fc.strict_euc_kr(text)
            mtype = msg_type or ("SMS" if nbytes <= SMS_MAX else "LMS")  # auto LMS > 90 bytes [doc]
            if (not PHONE_RE.match(num) or num in reject or reject_all
                    or (mtype == "SMS" and nbytes > SMS_MAX) or nbytes > LMS_MAX):
                errors += 1                           # counted in error_cnt [doc: partial acceptance]
                continue
            accepted.append((num, text, mtype))
        if title:
            tbytes, _ = fc.strict_euc_kr(fc.euc_kr_lossy(title))
            if tbytes > TITLE_MAX:
                return self.fail(h, CODE_PARAM, f"제목은 {TITLE_MAX}byte까지입니다.", fault)
        if not accepted:
            return self.fail(h, CODE_PHONE, MSG_PHONE, fault, success_cnt=0, error_cnt=errors)

        with self.lock:
            prices = self.config["prices"]
            cost = sum(float(prices.get(t, 0)) for _, _, t in accepted)
            if (fault and fault.name == "balance_exhausted") or float(self.config["balance"]) < cost:
                return self.fail(h, CODE_POINT, MSG_POINT, fault)
            self.config["balance"] = float(self.config["balance"]) - cost
            mid = next(self._mid)
            now = self.clock.now()
            details, records = [], []
            for num, text, mtype in accepted:
                mdid = next(self._mdid)
                final = carrier_fail.get(num, STATE_DONE)
                details.append({"mdid": mdid, "receiver": num, "msg": text, "type": mtype, "final": final})
                records.append({
                    "gateway": "aligo", "path": path, "receiver": num, "sender": sender,
                    "text": text, "subject": title if mtype != "SMS" else "",
                    "type": mtype, "our_id": None, "gateway_id": str(mdid), "batch_id": str(mid),
                    "testmode": testmode, "reserve": reserve, "time": fc.iso_utc(now)})
            batch = {"mid": mid, "type": accepted[0][2], "sender": sender, "msg": accepted[0][1],
                     "ts": now, "reserve": reserve, "testmode": testmode, "errors": errors,
                     "details": details}
            self.log.append_many(records)             # durable before answering
            self.batches.append(batch)
            self.by_mid[mid] = batch
        # Success shape [doc + 2nd]:
        # {"result_code":"1","message":"success","msg_id":"146645343","success_cnt":1,"error_cnt":0,"msg_type":"SMS"}
        h.send_json(200, self.styled(1, {
            "message": "success", "msg_id": mid, "success_cnt": len(accepted),
            "error_cnt": errors, "msg_type": batch["type"]}), fault=fault)

    # ---- /list/ ----------------------------------------------------------
    def list_batches(self, h, path, form, fault):
        """Sent batches, newest first [inf order]: page, page_size, start_date
        (YYYYMMDD), limit_day -> list[] of {mid,type,sender,sms_count,reserve_state,
        msg,fail_count,reg_date,reserve}, next_yn Y|N [doc]."""
        page = max(1, int(form.get("page") or 1))
        size = max(1, min(500, int(form.get("page_size") or 30)))
        start = fc.parse_time(form.get("start_date", ""))
        days = int(form.get("limit_day") or 7)
        now = self.clock.now()
        with self.lock:
            rows = list(reversed(self.batches))
        if start is not None:
            rows = [b for b in rows if start <= b["ts"] < start + days * 86400]
        chunk = rows[(page - 1) * size: page * size]
        out = []
        for b in chunk:
            fails = b["errors"] + sum(
                1 for d in b["details"] if self.state_of(d, b, now)[0] not in (STATE_SENDING, STATE_DONE))
            out.append({"mid": b["mid"], "type": b["type"], "sender": b["sender"],
                        "sms_count": len(b["details"]), "reserve_state": "예약" if b["reserve"] else "",
                        "msg": b["msg"], "fail_count": fails, "reg_date": fc.kst_text(b["ts"]),
                        "reserve": b["reserve"]})
        h.send_json(200, self.styled(1, {"message": "success", "list": out,
                                         "next_yn": "Y" if len(rows) > page * size else "N"}), fault=fault)

    # ---- /sms_list/ ------------------------------------------------------
    def sms_list(self, h, path, form, fault):
        """Per-receiver rows: mid, page, page_size -> list[] of
        {mdid,type,sender,receiver,sms_state,reg_date,send_date,reserve_date} [doc],
        plus mid and msg (a public client models both [2nd]), next_yn.
        Without mid [inf]: the rows of every batch, newest batch first, narrowed
        by start_date (YYYYMMDD) + limit_day like /list/ -- for reconciling a
        send whose answer (and so its msg_id) never arrived."""
        raw_mid = form.get("mid", "")
        try:
            mid = int(raw_mid) if raw_mid else None
        except ValueError:
            return self.fail(h, CODE_PARAM, "mid가 올바르지 않습니다.", fault)
        page = max(1, int(form.get("page") or 1))
        size = max(1, min(500, int(form.get("page_size") or 30)))
        with self.lock:
            if mid is not None:
                batches = [self.by_mid[mid]] if mid in self.by_mid else []
            else:
                batches = list(reversed(self.batches))
        start = fc.parse_time(form.get("start_date", ""))
        if mid is None and start is not None:
            days = int(form.get("limit_day") or 7)
            batches = [b for b in batches if start <= b["ts"] < start + days * 86400]
        rows = [(b, d) for b in batches for d in b["details"]]
        now = self.clock.now()
        out = []
        for b, d in rows[(page - 1) * size: page * size]:
            state, sent = self.state_of(d, b, now)
            out.append({"mid": b["mid"], "mdid": d["mdid"], "type": d["type"], "sender": b["sender"],
                        "receiver": d["receiver"], "msg": d["msg"], "sms_state": state,
                        "reg_date": fc.kst_text(b["ts"]), "send_date": sent,
                        "reserve_date": b["reserve"]})
        h.send_json(200, self.styled(1, {
            "message": "success", "list": out,
            "next_yn": "Y" if len(rows) > page * size else "N"}), fault=fault)

    # ---- /remain/ --------------------------------------------------------
    def remain(self, h, path, form, fault):
        """SMS_CNT, LMS_CNT, MMS_CNT: how many of each the balance still buys [doc]."""
        with self.lock:
            bal = float(self.config["balance"])
            prices = self.config["prices"]
        cnt = {f"{t}_CNT": int(bal // float(prices[t])) if float(prices[t]) > 0 else 0
               for t in ("SMS", "LMS", "MMS")}
        h.send_json(200, self.styled(1, dict({"message": "success"}, **cnt)), fault=fault)


def main(argv=None) -> None:
    p = fc.base_arg_parser("Loopback fake of the Aligo SMS API")
    p.add_argument("--key", default="test-aligo-key")
    p.add_argument("--user-id", default="kimbiseo")
    p.add_argument("--result-code-style", default="number",
                   choices=["number", "string", "all_strings", "alternate"])
    a = p.parse_args(argv)
    config = {
        "key": a.key, "user_id": a.user_id,
        "senders": a.sender or ["0212345678"],
        "ip_allowed": True,
        "balance": a.balance,
        "prices": {"SMS": 9.0, "LMS": 27.0, "MMS": 60.0},   # [inf] won per message
        "result_code_style": a.result_code_style,
        "reject": {},          # receiver -> reason; counted in error_cnt, not recorded
        "carrier_fail": {},    # receiver -> final sms_state text, e.g. "발/착신 번호 에러" [2nd]
        "status_step": a.status_step,
    }
    fc.serve(AligoApp(a.state_dir, config, a.fsync), fc.FakeHandler, a.host, a.port, a.verbose)


if __name__ == "__main__":
    main()
