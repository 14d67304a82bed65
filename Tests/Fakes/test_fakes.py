#!/usr/bin/env python3
"""Self-test of the Aligo and Solapi loopback fakes.

Run with ``pytest Tests/Fakes/test_fakes.py`` or directly ``python3 Tests/Fakes/test_fakes.py``.
Each fake runs once per module as a subprocess on 127.0.0.1 port 0 with its own
temporary state dir; every test starts with faults cleared and config restored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import http.client
import inspect
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SEND = "/messages/v4/send-many/detail"


class Fake:
    """One fake gateway process."""

    def __init__(self, script: str, *args: str, state_dir: str | None = None) -> None:
        self.dir = state_dir or tempfile.mkdtemp(prefix="kimbiseo-fake-")
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, script), "--state-dir", self.dir, "--status-step", "10", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("fake did not start: " + self.proc.stderr.read())
        self.port = json.loads(line)["port"]
        self.base = f"http://127.0.0.1:{self.port}"
        self.defaults = self.control({})["config"]

    def stop(self, keep_state: bool = False) -> int:
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.proc.stderr.close()
        if not keep_state:
            shutil.rmtree(self.dir, ignore_errors=True)
        return rc

    def request(self, method: str, path: str, data: bytes | None = None,
                headers: dict | None = None, timeout: float = 5.0):
        """(status, headers, body bytes); HTTP errors are returned, not raised."""
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def control(self, spec: dict) -> dict:
        s, _, b = self.request("POST", "/__control", json.dumps(spec).encode(),
                               {"Content-Type": "application/json"})
        assert s == 200, b
        return json.loads(b)

    def accepted(self, **match) -> list[dict]:
        q = urllib.parse.urlencode(match)
        return json.loads(self.request("GET", "/__accepted?" + q)[2])["records"]

    def accepted_count(self) -> int:
        return json.loads(self.request("GET", "/__accepted?count_only=1")[2])["count"]

    def reset(self) -> None:
        self.control({"clear": True, "config": self.defaults})


def expect_connection_error(fn) -> None:
    try:
        fn()
    except (ConnectionError, urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError):
        return
    raise AssertionError("expected the connection to fail")


def assert_unparsable(body: bytes) -> None:
    try:
        json.loads(body)
    except ValueError:
        return
    raise AssertionError("body should not parse as JSON")


# --------------------------------------------------------------------------
# Aligo
# --------------------------------------------------------------------------

AUTH = {"key": "test-aligo-key", "user_id": "kimbiseo"}


def aligo_post(f: Fake, path: str, fields: dict, timeout: float = 5.0):
    data = urllib.parse.urlencode(dict(AUTH, **fields)).encode()
    return f.request("POST", path, data, {"Content-Type": "application/x-www-form-urlencoded"}, timeout)


def aligo_json(f: Fake, path: str, fields: dict) -> dict:
    s, _, b = aligo_post(f, path, fields)
    assert s == 200, (s, b)
    return json.loads(b)


def mass(receivers_msgs: list[tuple[str, str]], msg_type: str = "SMS", **extra) -> dict:
    d = {"sender": "0212345678", "msg_type": msg_type, "cnt": str(len(receivers_msgs))}
    for i, (r, m) in enumerate(receivers_msgs, 1):
        d[f"rec_{i}"], d[f"msg_{i}"] = r, m
    d.update(extra)
    return d


def test_aligo_send_mass_partial_and_euc_kr(aligo: Fake):
    before = aligo.accepted_count()
    r = aligo_json(aligo, "/send_mass/", mass([
        ("010-1111-0001", "홍길동님 안녕하세요 😀"), ("12345", "bad number"), ("01011110003", "똠얌꿍 • 세일")]))
    assert r["result_code"] == 1 and r["message"] == "success"
    assert (r["success_cnt"], r["error_cnt"], r["msg_type"]) == (2, 1, "SMS")
    recs = aligo.accepted(batch_id=str(r["msg_id"]))
    assert [x["receiver"] for x in recs] == ["01011110001", "01011110003"]
    assert recs[0]["text"] == "홍길동님 안녕하세요 ?"            # emoji -> "?"
    assert recs[1]["text"] == "?얌꿍 ? 세일"                      # CP949-only 똠 and • -> "?"
    assert aligo.accepted_count() == before + 2
    # Durable: the same lines are already in DIR/accepted.jsonl.
    with open(os.path.join(aligo.dir, "accepted.jsonl"), encoding="utf-8") as fh:
        lines = [json.loads(x) for x in fh if x.strip()]
    assert lines[-1]["gateway_id"] == recs[1]["gateway_id"]


def test_aligo_send_destination_auto_lms_testmode(aligo: Fake):
    long = "가" * 46  # 92 bytes -> LMS when msg_type is omitted
    r = aligo_json(aligo, "/send/", {"sender": "02-1234-5678", "receiver": "01022220001,01022220002",
                                     "msg": "%고객명%님 " + long, "title": "공지",
                                     "destination": "01022220001|홍길동,01022220002|아무개",
                                     "testmode_yn": "Y"})
    assert r["result_code"] == 1 and r["msg_type"] == "LMS" and r["success_cnt"] == 2
    recs = aligo.accepted(batch_id=str(r["msg_id"]))
    assert recs[0]["text"].startswith("홍길동님 ") and recs[1]["text"].startswith("아무개님 ")
    assert recs[0]["testmode"] is True and recs[0]["subject"] == "공지"
    # SMS forced but 92 bytes -> that receiver is an error.
    r = aligo_json(aligo, "/send_mass/", mass([("01022220003", long), ("01022220004", "짧음")]))
    assert (r["success_cnt"], r["error_cnt"]) == (1, 1)


def test_aligo_validation_errors(aligo: Fake):
    before = aligo.accepted_count()
    ok = mass([("01033330001", "hi")])
    r = aligo_json(aligo, "/send_mass/", dict(ok, key="wrong"))
    assert r["result_code"] == -101 and r["message"] == "인증오류입니다."
    s, _, b = aligo.request("POST", "/send_mass/", urllib.parse.urlencode(ok).encode())
    assert json.loads(b)["result_code"] == -101                       # no key at all
    r = aligo_json(aligo, "/send_mass/", dict(ok, sender="0299999999"))
    assert r["result_code"] < 0 and r["message"] == "등록되지 않은 발신번호입니다."
    r = aligo_json(aligo, "/send_mass/", mass([(f"010444{i:05d}", "x") for i in range(501)]))
    assert r["result_code"] < 0                                        # > 500 receivers
    r = aligo_json(aligo, "/send_mass/", dict(ok, cnt="2"))
    assert r["result_code"] < 0                                        # cnt mismatch
    r = aligo_json(aligo, "/send_mass/", dict(ok, msg_type=""))
    assert r["result_code"] < 0                                        # msg_type required
    r = aligo_json(aligo, "/send_mass/", mass([("999", "x")]))
    assert r["result_code"] < 0 and r["error_cnt"] == 1                # nobody valid
    aligo.control({"config": {"ip_allowed": False}})
    r = aligo_json(aligo, "/send_mass/", ok)
    assert r["result_code"] == -101 and r["message"] == "인증오류입니다.-IP"
    aligo.control({"config": {"ip_allowed": True, "reject": {"01033330001": "수신거부"}}})
    r = aligo_json(aligo, "/send_mass/", mass([("01033330001", "a"), ("01033330002", "b")]))
    assert (r["success_cnt"], r["error_cnt"]) == (1, 1)
    assert aligo.accepted_count() == before + 1


def test_aligo_result_code_styles(aligo: Fake):
    aligo.control({"config": {"result_code_style": "string"}})
    r = aligo_json(aligo, "/send_mass/", mass([("01055550001", "a")]))
    assert r["result_code"] == "1" and isinstance(r["msg_id"], str) and r["success_cnt"] == 1
    aligo.control({"config": {"result_code_style": "all_strings"}})
    r = aligo_json(aligo, "/send_mass/", mass([("01055550002", "a")]))
    assert r["result_code"] == "1" and r["success_cnt"] == "1"
    aligo.control({"config": {"result_code_style": "alternate"}})
    kinds = {type(aligo_json(aligo, "/remain/", {})["result_code"]) for _ in range(2)}
    assert kinds == {int, str}


def test_aligo_lists_status_walk_and_remain(aligo: Fake):
    aligo.control({"config": {"carrier_fail": {"01066660002": "발/착신 번호 에러"}}})
    rem0 = aligo_json(aligo, "/remain/", {})
    r = aligo_json(aligo, "/send_mass/", mass([("01066660001", "a"), ("01066660002", "b"), ("01066660003", "c")]))
    mid = int(r["msg_id"])
    rem1 = aligo_json(aligo, "/remain/", {})
    assert rem1["SMS_CNT"] == rem0["SMS_CNT"] - 3 and "LMS_CNT" in rem1 and "MMS_CNT" in rem1
    d = aligo_json(aligo, "/sms_list/", {"mid": mid, "page": 1, "page_size": 2})
    assert d["next_yn"] == "Y" and len(d["list"]) == 2
    assert {x["sms_state"] for x in d["list"]} == {"전송중"} and d["list"][0]["send_date"] == ""
    aligo.control({"advance": 25})                       # past 2 status steps of 10 s
    d = aligo_json(aligo, "/sms_detail/", {"mid": mid, "page": 1, "page_size": 10})
    states = {x["receiver"]: x["sms_state"] for x in d["list"]}
    assert states == {"01066660001": "발송완료", "01066660002": "발/착신 번호 에러", "01066660003": "발송완료"}
    assert d["next_yn"] == "N" and d["list"][0]["send_date"]
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).strftime("%Y%m%d")
    lst = aligo_json(aligo, "/list/", {"page": 1, "page_size": 50, "start_date": today, "limit_day": 1})
    row = next(x for x in lst["list"] if int(x["mid"]) == mid)
    assert row["sms_count"] == 3 and row["fail_count"] == 1
    assert aligo_json(aligo, "/list/", {"start_date": "20000101", "limit_day": 1})["list"] == []
    every = aligo_json(aligo, "/sms_list/", {"start_date": today, "limit_day": 1, "page_size": 500})["list"]
    assert {(int(x["mid"]), x["receiver"]) for x in every} >= {(mid, "01066660001"), (mid, "01066660003")}
    assert aligo_json(aligo, "/sms_list/", {"start_date": "20000101"})["list"] == []


def test_aligo_faults(aligo: Fake):
    body = mass([("01077770001", "fault test")])
    n = aligo.accepted_count()
    # 5xx before recording, applied to exactly the next 2 send requests.
    aligo.control({"fault": "http500", "count": 2, "status": 503})
    assert aligo_post(aligo, "/remain/", {})[0] == 200                 # scope "send": not consumed
    assert aligo_post(aligo, "/send_mass/", body)[0] == 503
    assert aligo_post(aligo, "/send_mass/", body)[0] == 503
    assert aligo.accepted_count() == n
    assert aligo_json(aligo, "/send_mass/", body)["result_code"] == 1
    n += 1
    # 5xx after recording: answered 500 but recorded.
    aligo.control({"fault": "http500_after"})
    assert aligo_post(aligo, "/send_mass/", body)[0] == 500
    assert aligo.accepted_count() == n + 1
    n += 1
    # 429 with Retry-After, nothing recorded.
    aligo.control({"fault": "http429", "retry_after": 7})
    s, h, _ = aligo_post(aligo, "/send_mass/", body)
    assert s == 429 and h["Retry-After"] == "7" and aligo.accepted_count() == n
    # Slow answer beyond the client's timeout, recorded.
    aligo.control({"fault": "slow", "delay": 0.8})
    expect_connection_error(lambda: aligo_post(aligo, "/send_mass/", body, timeout=0.3))
    assert aligo.accepted_count() == n + 1
    n += 1
    # Connection reset before / after recording.
    aligo.control({"fault": "reset"})
    expect_connection_error(lambda: aligo_post(aligo, "/send_mass/", body))
    assert aligo.accepted_count() == n
    aligo.control({"fault": "reset_after"})
    expect_connection_error(lambda: aligo_post(aligo, "/send_mass/", body))
    assert aligo.accepted_count() == n + 1
    n += 1
    # Malformed JSON 200, recorded.
    aligo.control({"fault": "malformed_json"})
    s, _, b = aligo_post(aligo, "/send_mass/", body)
    assert s == 200 and aligo.accepted_count() == n + 1
    n += 1
    assert_unparsable(b)
    # EUC-KR body, recorded.
    aligo.control({"fault": "euckr_body"})
    aligo.control({"config": {"ip_allowed": True}})
    s, h, b = aligo_post(aligo, "/send_mass/", mass([("01077770002", "한글")]))
    assert s == 200 and "EUC-KR" in h["Content-Type"] and aligo.accepted_count() == n + 1
    n += 1
    assert json.loads(b.decode("euc_kr"))["result_code"] == 1
    # Per-message rejection, and account-level faults.
    aligo.control({"fault": "reject", "receivers": {"01077770003": "x"}})
    r = aligo_json(aligo, "/send_mass/", mass([("01077770003", "a"), ("01077770004", "b")]))
    assert (r["success_cnt"], r["error_cnt"]) == (1, 1)
    n += 1
    for fault, code in (("bad_key", -101), ("ip_not_allowed", -101), ("sender_not_registered", -302),
                        ("balance_exhausted", -201)):
        aligo.control({"fault": fault})
        assert aligo_json(aligo, "/send_mass/", body)["result_code"] == code
    assert aligo.accepted_count() == n
    st = aligo.control({})
    assert st["faults"] == [] and st["requests"]["/send_mass/"] > 0


# --------------------------------------------------------------------------
# Solapi
# --------------------------------------------------------------------------

KEY, SECRET = "NCSTESTKEY0000001", "test-solapi-secret"


def auth_header(date: str | None = None, salt: str | None = None, secret: str = SECRET, key: str = KEY) -> str:
    date = date or dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    salt = salt or secrets.token_hex(16)
    sig = hmac.new(secret.encode(), (date + salt).encode(), hashlib.sha256).hexdigest()
    return f"HMAC-SHA256 apiKey={key}, date={date}, salt={salt}, signature={sig}"


def sol(f: Fake, method: str, path: str, body=None, header: str | None = None, timeout: float = 5.0):
    data = json.dumps(body).encode() if body is not None else None
    return f.request(method, path, data, {"Authorization": header or auth_header(),
                                          "Content-Type": "application/json"}, timeout)


def sol_json(f: Fake, method: str, path: str, body=None) -> dict:
    s, _, b = sol(f, method, path, body)
    assert s == 200, (s, b)
    return json.loads(b)


def m(to: str, text: str = "안녕하세요", **kw) -> dict:
    d = {"to": to, "from": "0212345678", "text": text}
    d.update(kw)
    return d


def test_solapi_hmac(solapi: Fake):
    s, _, b = sol(solapi, "GET", "/cash/v1/balance")
    assert s == 200 and "balance" in json.loads(b)                       # good signature
    bad = auth_header(secret="wrong")
    s, _, b = sol(solapi, "GET", "/cash/v1/balance", header=bad)
    assert s == 403 and json.loads(b)["errorCode"] == "SignatureDoesNotMatch"
    old = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=16)).strftime("%Y-%m-%dT%H:%M:%SZ")
    s, _, b = sol(solapi, "GET", "/cash/v1/balance", header=auth_header(date=old))
    assert s == 403 and json.loads(b)["errorCode"] == "RequestTimeTooSkewed"
    hdr = auth_header()
    assert sol(solapi, "GET", "/cash/v1/balance", header=hdr)[0] == 200
    s, _, b = sol(solapi, "GET", "/cash/v1/balance", header=hdr)       # replay
    assert s == 403 and json.loads(b)["errorCode"] == "DuplicatedSignature"
    salt = secrets.token_hex(8)
    assert sol(solapi, "GET", "/cash/v1/balance", header=auth_header(salt=salt))[0] == 200
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    s, _, b = sol(solapi, "GET", "/cash/v1/balance", header=auth_header(date=later, salt=salt))
    assert s == 403 and json.loads(b)["errorCode"] == "DuplicatedSignature"   # reused salt
    s, _, b = sol(solapi, "GET", "/cash/v1/balance", header=auth_header(key="OTHER"))
    assert s == 403 and json.loads(b)["errorCode"] == "InvalidAPIKey"
    s, _, _ = solapi.request("GET", "/cash/v1/balance")
    assert s == 401


def test_solapi_send_many_detail(solapi: Fake):
    solapi.control({"config": {"reject": {"01080800080": 1061}}})
    bal0 = sol_json(solapi, "GET", "/cash/v1/balance")["balance"]
    msgs = [
        m("010-1000-0001", customFields={"kimbiseo_id": "k-1"}),
        m("01010000002", **{"from": "0299999999"}),                 # 1062 sender not registered
        m("01010000003", "이모지 😀"),                                # 1029 outside EUC-KR
        m("01080800080"),                                          # 1061 080 opt-out (config)
        m("01010000001"),                                          # 1026 duplicate number
        m("01010000005", "가" * 46, type="SMS"),                    # 1031 too long for SMS
        m("01010000006", subject="제목", type="SMS"),               # 1013 subject with SMS
        m("01010000007", customFields={"x": 1}),                    # 1032 custom field not a string
        m("01010000008", "가" * 46, subject="공지", customFields={"kimbiseo_id": "k-8"}),  # auto LMS
        m("01010000009", ""),                                      # 1010 missing text
    ]
    r = sol_json(solapi, "POST", SEND, {"messages": msgs, "showMessageList": True})
    codes = {x["to"]: x["statusCode"] for x in r["failedMessageList"]}
    assert codes == {"01010000002": "1062", "01010000003": "1029", "01080800080": "1061",
                     "01010000001": "1026", "01010000005": "1031", "01010000006": "1013",
                     "01010000007": "1032", "01010000009": "1010"}
    fm = r["failedMessageList"][0]
    assert set(fm) >= {"to", "from", "type", "statusMessage", "country", "messageId", "statusCode",
                       "accountId", "customFields"}
    c = r["groupInfo"]["count"]
    assert (c["total"], c["registeredFailed"], c["registeredSuccess"]) == (10, 8, 2)
    assert [x["statusCode"] for x in r["messageList"]] == ["2000", "2000"]
    assert [x["customFields"]["kimbiseo_id"] for x in r["messageList"]] == ["k-1", "k-8"]
    recs = solapi.accepted(batch_id=r["groupInfo"]["groupId"])
    assert [(x["our_id"], x["type"]) for x in recs] == [("k-1", "SMS"), ("k-8", "LMS")]
    assert recs[0]["gateway_id"] == r["messageList"][0]["messageId"]
    bal1 = sol_json(solapi, "GET", "/cash/v1/balance")["balance"]
    assert bal1 == bal0 - 20 - 50
    # allowDuplicates lets the same number through twice; no messageList without showMessageList.
    r = sol_json(solapi, "POST", SEND, {"messages": [m("01010000011"), m("01010000011")], "allowDuplicates": True})
    assert r["groupInfo"]["count"]["registeredSuccess"] == 2 and "messageList" not in r
    # > 10,000 messages: 400.
    s, _, b = sol(solapi, "POST", SEND, {"messages": [m("01010000012")] * 10_001})
    assert s == 400 and "errorCode" in json.loads(b)
    # Balance runs out: 1030 per message.
    solapi.control({"config": {"balance": 30}})
    r = sol_json(solapi, "POST", SEND, {"messages": [m("01010000013"), m("01010000014")]})
    assert [x["statusCode"] for x in r["failedMessageList"]] == ["1030"]
    assert sol_json(solapi, "GET", "/cash/v1/balance")["balance"] == 10


def test_solapi_records_escape_text(solapi: Fake):
    text = 'He said "안녕"\n\t끝 \\ /'
    r = sol_json(solapi, "POST", SEND, {"messages": [
        m("01011000001", text, customFields={"kimbiseo_id": 'q"1', "캠페인": "가을\n세일"})]})
    assert r["groupInfo"]["count"]["registeredSuccess"] == 1
    rec = solapi.accepted(receiver="01011000001")[-1]
    assert rec["text"] == text and rec["our_id"] == 'q"1'
    assert rec["custom_fields"] == {"kimbiseo_id": 'q"1', "캠페인": "가을\n세일"}


def test_solapi_list_paging_and_status_walk(solapi: Fake):
    solapi.control({"config": {"carrier_fail": {"01020000003": 3043}}})
    t0 = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    r = sol_json(solapi, "POST", SEND, {"messages": [m(f"0102000000{i}", customFields={"kimbiseo_id": f"w{i}"})
                                                     for i in range(1, 6)], "showMessageList": True})
    gid = r["groupInfo"]["groupId"]
    ids = [x["messageId"] for x in r["messageList"]]
    one = sol_json(solapi, "GET", "/messages/v4/list?messageId=" + ids[0])
    assert list(one["messageList"]) == [ids[0]] and one["messageList"][ids[0]]["statusCode"] == "2000"
    assert one["messageList"][ids[0]]["customFields"] == {"kimbiseo_id": "w1"}
    legacy = sol_json(solapi, "GET", f"/messages/v4/list?criteria=messageId&cond=eq&value={ids[1]}")
    assert list(legacy["messageList"]) == [ids[1]]
    seen, key = [], None
    while True:
        q = {"groupId": gid, "limit": 2}
        if key:
            q["startKey"] = key
        page = sol_json(solapi, "GET", "/messages/v4/list?" + urllib.parse.urlencode(q))
        seen += list(page["messageList"])
        key = page["nextKey"]
        if not key:
            break
    assert seen == ids
    by_to = sol_json(solapi, "GET", "/messages/v4/list?to=01020000002")
    assert [v["messageId"] for v in by_to["messageList"].values()] == [ids[1]]
    start = t0.strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (t0 + dt.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    rng = sol_json(solapi, "GET", "/messages/v4/list?" + urllib.parse.urlencode(
        {"groupId": gid, "startDate": start, "endDate": end, "limit": 50}))
    assert len(rng["messageList"]) == 5
    old = sol_json(solapi, "GET", "/messages/v4/list?" + urllib.parse.urlencode(
        {"groupId": gid, "endDate": "2000-01-01T00:00:00Z"}))
    assert old["messageList"] == {}
    q = "/messages/v4/list?" + urllib.parse.urlencode({"messageIds": ",".join(ids[2:4])})
    solapi.control({"advance": 10})
    assert {v["statusCode"] for v in sol_json(solapi, "GET", q)["messageList"].values()} == {"3000"}
    solapi.control({"advance": 10})
    codes = {v["to"]: v["statusCode"] for v in sol_json(solapi, "GET", q)["messageList"].values()}
    assert codes == {"01020000003": "3043", "01020000004": "4000"}
    done = sol_json(solapi, "GET", f"/messages/v4/list?groupId={gid}&statusCode=4000")
    assert len(done["messageList"]) == 4


def test_solapi_faults(solapi: Fake):
    body = {"messages": [m("01030000001")]}
    n = solapi.accepted_count()
    solapi.control({"fault": "http500", "count": 2})
    assert sol(solapi, "GET", "/cash/v1/balance")[0] == 200               # not a send: not consumed
    assert sol(solapi, "POST", SEND, body)[0] == 500
    assert sol(solapi, "POST", SEND, body)[0] == 500
    assert solapi.accepted_count() == n
    assert sol(solapi, "POST", SEND, body)[0] == 200
    n += 1
    solapi.control({"fault": "http500_after", "status": 502})
    assert sol(solapi, "POST", SEND, body)[0] == 502 and solapi.accepted_count() == n + 1
    n += 1
    solapi.control({"fault": "http429", "retry_after": 2})
    s, h, b = sol(solapi, "POST", SEND, body)
    assert s == 429 and h["Retry-After"] == "2" and json.loads(b)["errorCode"]
    assert solapi.accepted_count() == n
    solapi.control({"fault": "slow", "delay": 0.8})
    expect_connection_error(lambda: sol(solapi, "POST", SEND, body, timeout=0.3))
    assert solapi.accepted_count() == n + 1
    n += 1
    solapi.control({"fault": "reset"})
    expect_connection_error(lambda: sol(solapi, "POST", SEND, body))
    assert solapi.accepted_count() == n
    solapi.control({"fault": "reset_after"})
    expect_connection_error(lambda: sol(solapi, "POST", SEND, body))
    assert solapi.accepted_count() == n + 1
    n += 1
    solapi.control({"fault": "malformed_json"})
    s, _, b = sol(solapi, "POST", SEND, body)
    assert s == 200 and solapi.accepted_count() == n + 1
    n += 1
    assert_unparsable(b)
    solapi.control({"fault": "euckr_body", "declare": False})
    s, h, b = sol(solapi, "POST", SEND, body)
    assert s == 200 and "charset" not in h["Content-Type"] and solapi.accepted_count() == n + 1
    n += 1
    assert json.loads(b.decode("euc_kr"))["groupInfo"]["count"]["registeredSuccess"] == 1
    solapi.control({"fault": "reject", "receivers": {"01030000002": 1060}})
    r = sol_json(solapi, "POST", SEND, {"messages": [m("01030000002"), m("01030000003")]})
    assert [x["statusCode"] for x in r["failedMessageList"]] == ["1060"]
    n += 1
    for fault, want in (("sender_not_registered", "1062"), ("balance_exhausted", "1030")):
        solapi.control({"fault": fault})
        r = sol_json(solapi, "POST", SEND, body)
        assert r["failedMessageList"][0]["statusCode"] == want
        assert r["groupInfo"]["count"]["registeredFailed"] == r["groupInfo"]["count"]["total"]
    for fault, code in (("bad_key", "InvalidAPIKey"), ("ip_not_allowed", "Forbidden")):
        solapi.control({"fault": fault})
        s, _, b = sol(solapi, "POST", SEND, body)
        assert s == 403 and json.loads(b)["errorCode"] == code
    # A fault scoped to one path.
    solapi.control({"fault": "http500", "scope": "/cash/"})
    assert sol(solapi, "GET", "/cash/v1/balance")[0] == 500
    assert solapi.accepted_count() == n
    assert solapi.control({})["faults"] == []
    s, _, b = solapi.request("POST", "/__control", b'{"fault": "nope"}')
    assert s == 400


def test_solapi_legacy_criteria(solapi: Fake):
    r = sol_json(solapi, "POST", SEND, {"messages": [m("01040000001"), m("01040000002", type="LMS")],
                                        "showMessageList": True})
    gid = r["groupInfo"]["groupId"]
    past = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    q = urllib.parse.urlencode({"criteria": "groupId,dateCreated,type", "cond": "eq,gte,ne",
                                "value": f"{gid},{past},LMS"})
    got = sol_json(solapi, "GET", "/messages/v4/list?" + q)["messageList"]
    assert [v["to"] for v in got.values()] == ["01040000001"]
    q = urllib.parse.urlencode({"criteria": "groupId,dateCreated", "cond": "eq,lt", "value": f"{gid},{past}"})
    assert sol_json(solapi, "GET", "/messages/v4/list?" + q)["messageList"] == {}


def test_aligo_multipart_and_chunked(aligo: Fake):
    boundary = "kimbiseo-boundary"
    fields = dict(AUTH, **mass([("01088880001", "멀티파트 본문")]))
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
             for k, v in fields.items()]
    body = ("".join(parts) + f"--{boundary}--\r\n").encode()
    s, _, b = aligo.request("POST", "/send_mass/", body,
                            {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert s == 200 and json.loads(b)["success_cnt"] == 1
    assert aligo.accepted(receiver="01088880001")[0]["text"] == "멀티파트 본문"
    conn = http.client.HTTPConnection("127.0.0.1", aligo.port, timeout=5)
    form = urllib.parse.urlencode(dict(AUTH, **mass([("01088880002", "chunked")]))).encode()
    conn.request("POST", "/send_mass/", iter([form[:10], form[10:]]),
                 {"Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked"},
                 encode_chunked=True)
    resp = conn.getresponse()
    assert resp.status == 200 and json.loads(resp.read())["success_cnt"] == 1
    # The same keep-alive connection serves the next request.
    conn.request("POST", "/remain/", urllib.parse.urlencode(AUTH).encode(),
                 {"Content-Type": "application/x-www-form-urlencoded"})
    assert json.loads(conn.getresponse().read())["result_code"] == 1
    conn.close()


def test_cut_request_body_is_never_processed(aligo: Fake):
    """A client that dies mid-upload must not get a truncated message accepted."""
    import socket
    form = urllib.parse.urlencode(dict(AUTH, **mass([("01012120001", "잘린 요청 " * 20)]))).encode()
    n = aligo.accepted_count()
    with socket.create_connection(("127.0.0.1", aligo.port)) as s:
        s.sendall(b"POST /send_mass/ HTTP/1.1\r\nHost: x\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\n"
                  + f"Content-Length: {len(form)}\r\n\r\n".encode() + form[:-5])
        s.shutdown(socket.SHUT_WR)
        assert s.recv(100) == b""                  # closed without an answer
    assert aligo.accepted_count() == n


def test_control_rejects_bad_input(aligo: Fake):
    for spec in ({"fault": "http500", "count": 0}, {"fault": "slow", "delay": "5"},
                 {"config": {"ip_allowed": False, "no_such_key": 1}},
                 {"config": {"ip_allowed": False, "balance": "lots"}}):
        s, _, b = aligo.request("POST", "/__control", json.dumps(spec).encode())
        assert s == 400 and json.loads(b)["ok"] is False, spec
    st = aligo.control({})
    assert st["faults"] == [] and st["config"]["ip_allowed"] is True


def test_restart_keeps_records_and_lists():
    f = Fake("solapi_fake.py")
    r = sol_json(f, "POST", SEND, {"messages": [m("01050000001", customFields={"kimbiseo_id": "r-1"})],
                                   "showMessageList": True})
    mid = r["messageList"][0]["messageId"]
    a = Fake("aligo_fake.py")
    amid = aligo_json(a, "/send_mass/", mass([("01050000002", "재시작")]))["msg_id"]
    assert f.stop(keep_state=True) == 0 and a.stop(keep_state=True) == 0
    f = Fake("solapi_fake.py", state_dir=f.dir)
    a = Fake("aligo_fake.py", state_dir=a.dir)
    try:
        got = sol_json(f, "GET", "/messages/v4/list?messageId=" + mid)["messageList"]
        assert got[mid]["customFields"] == {"kimbiseo_id": "r-1"}
        sol_json(f, "POST", SEND, {"messages": [m("01050000003")]})
        assert [x["seq"] for x in f.accepted()] == [1, 2]
        rows = aligo_json(a, "/sms_list/", {"mid": amid})["list"]
        assert [x["receiver"] for x in rows] == ["01050000002"]
        amid2 = aligo_json(a, "/send_mass/", mass([("01050000004", "x")]))["msg_id"]
        assert int(amid2) > int(amid) and a.accepted_count() == 2
    finally:
        assert f.stop() == 0 and a.stop() == 0


# --------------------------------------------------------------------------
# Fixtures (pytest) and a plain runner.
# --------------------------------------------------------------------------

try:
    import pytest

    @pytest.fixture(scope="module")
    def _aligo_proc():
        f = Fake("aligo_fake.py")
        yield f
        f.stop()

    @pytest.fixture(scope="module")
    def _solapi_proc():
        f = Fake("solapi_fake.py")
        yield f
        f.stop()

    @pytest.fixture
    def aligo(_aligo_proc):
        _aligo_proc.reset()
        yield _aligo_proc

    @pytest.fixture
    def solapi(_solapi_proc):
        _solapi_proc.reset()
        yield _solapi_proc
except ImportError:  # pragma: no cover - direct runs need no pytest
    pass


def main() -> int:
    fakes = {"aligo": Fake("aligo_fake.py"), "solapi": Fake("solapi_fake.py")}
    failed = 0
    t0 = time.time()
    try:
        for name, fn in sorted(globals().items()):
            if not name.startswith("test_") or not callable(fn):
                continue
            args = []
            for p in inspect.signature(fn).parameters:
                fakes[p].reset()
                args.append(fakes[p])
            try:
                fn(*args)
                print(f"ok   {name}")
            except Exception as e:  # report and continue
                failed += 1
                print(f"FAIL {name}: {e!r}")
    finally:
        for f in fakes.values():
            f.stop()
    print(f"{'FAILED' if failed else 'passed'} in {time.time() - t0:.1f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
