#!/usr/bin/env python3
"""Writes N fictional customers as CSV (UTF-8 with BOM) and XLSX (openpyxl) for the
import benchmarks, with the canonical Korean headers.

    python3 scripts/bench/make_customers.py 100000 /tmp/bench/customers.csv /tmp/bench/customers.xlsx

The data is deterministic (fixed seed). The XLSX is written by openpyxl, another program
than Kimbiseo, with birthdays and consent dates as real date cells (serial numbers).
Pass '-' for a file to skip it.
"""
import csv
import datetime
import random
import sys

HEADERS = ("고객번호 성명 별명 성별 VIP 휴대폰 이메일 그룹 등급 생일 생일구분 결혼기념일 결혼기념일구분 "
           "직장명 부서 직책 직급 직장전화 팩스 직장우편번호 직장주소 직장상세주소 자택전화 자택우편번호 "
           "자택주소 자택상세주소 메모 광고수신동의 야간광고수신동의 수신거부").split()
SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감제갈남궁황보선우".replace("제갈", "").replace("남궁", "").replace("황보", "").replace("선우", "")
GIVEN = "민서준도윤하지우수현예은채원유진호성재영아연희태경승혜나린시온다율소빈건주한결"
GROUPS = ["보험고객", "VIP고객", "지인", "거래처", "동호회", "가족"]
GRADES = ["골드", "실버", "일반", "브론즈"]
CITIES = [("서울특별시", "02", ["강남구 테헤란로", "마포구 양화로", "종로구 종로", "송파구 올림픽로", "영등포구 여의대로"]),
          ("부산광역시", "051", ["해운대구 센텀중앙로", "부산진구 중앙대로", "동래구 충렬대로"]),
          ("경기도", "031", ["성남시 분당구 판교역로", "수원시 팔달구 효원로", "고양시 일산동구 중앙로"]),
          ("대구광역시", "053", ["수성구 달구벌대로", "중구 국채보상로"]),
          ("광주광역시", "062", ["서구 상무중앙로", "동구 금남로"]),
          ("대전광역시", "042", ["서구 둔산로", "유성구 대학로"])]
COMPANIES = ["한빛상사", "푸른나무출판", "우진물산", "시우건설", "지환전자", "재원무역", "다온식품", "새롬약품"]
DEPTS = ["영업부", "기획팀", "총무팀", "구매팀", "개발팀", ""]
POSITIONS = ["팀장", "파트장", "실장", "", ""]
RANKS = ["사원", "대리", "과장", "차장", "부장", "이사"]
MEMOS = ["", "", "", "종신보험 유지", "자동차보험 만기 3월", "소개: 김영희 고객, 2024년", "연말 선물 \"한우\" 발송", "첫 줄\n둘째 줄"]


def customer(i, rng):
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    city, area, roads = rng.choice(CITIES)
    year = rng.randint(1950, 2004)
    calendar = rng.choices(["양력", "음력", "윤달"], [70, 29, 1])[0]
    month = rng.randint(1, 12)
    day = rng.randint(1, 28) if calendar == "양력" else rng.randint(1, 30)
    birthday = datetime.date(year, month, day) if calendar == "양력" else f"{year:04d}-{month:02d}-{day:02d}"
    married = rng.random() < 0.4
    wedding = datetime.date(year + rng.randint(22, 35) if year < 1990 else 2020, rng.randint(1, 12), rng.randint(1, 28)) if married else None
    works = rng.random() < 0.6
    consent = datetime.date(2020 + rng.randint(0, 5), rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.5 else None
    return [
        f"B{i:06d}", name, "", rng.choice(["남", "여"]), "Y" if rng.random() < 0.1 else "N",
        f"010-{2000 + i // 10000:04d}-{i % 10000:04d}", f"user{i}@example.com",
        rng.choice(GROUPS), rng.choice(GRADES), birthday, calendar, wedding, "양력" if married else "",
        rng.choice(COMPANIES) if works else "", rng.choice(DEPTS) if works else "",
        rng.choice(POSITIONS) if works else "", rng.choice(RANKS) if works else "",
        f"{area}-555-{rng.randint(1000, 9999)}" if works else "", "",
        f"{rng.randint(1000, 63999):05d}" if works else "",
        f"{city} {rng.choice(roads)} {rng.randint(1, 400)}" if works else "",
        f"{rng.randint(1, 20)}층" if works else "",
        f"{area}-555-{rng.randint(1000, 9999)}" if rng.random() < 0.3 else "",
        f"{rng.randint(1000, 63999):05d}", f"{city} {rng.choice(roads)} {rng.randint(1, 400)}",
        f"{rng.randint(101, 120)}동 {rng.randint(1, 25)}{rng.randint(1, 4):02d}호",
        rng.choice(MEMOS), consent, consent if consent and rng.random() < 0.3 else None, None,
    ]


def text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


USAGE = "usage: make_customers.py COUNT CSV_PATH XLSX_PATH   ('-' skips a file)"


def main():
    args = sys.argv[1:]
    if any(a in ("-h", "--help") for a in args):
        print(USAGE)
        print(__doc__.strip())
        return
    if len(args) != 3 or not args[0].isdigit() or int(args[0]) < 1:
        sys.exit(f"make_customers.py: expected a positive COUNT and two paths, got {args!r}\n{USAGE}")
    count, csv_path, xlsx_path = int(args[0]), args[1], args[2]
    rng = random.Random(20250115)
    rows = [customer(i + 1, rng) for i in range(count)]
    if csv_path != "-":
        with open(csv_path, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(HEADERS)
            writer.writerows([text(v) for v in row] for row in rows)
    if xlsx_path != "-":
        from openpyxl import Workbook
        book = Workbook(write_only=True)
        sheet = book.create_sheet("고객")
        sheet.append(HEADERS)
        for row in rows:
            sheet.append(row)
        book.save(xlsx_path)


if __name__ == "__main__":
    main()
