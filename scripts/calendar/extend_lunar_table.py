#!/usr/bin/env python3
"""Extend Kimbiseo's lunar month table past KASI's published range by computation.

KASI's table (see generate_lunar_table.py) ends at lunar 2050-11-18. For holidays up to 2100
Kimbiseo needs lunar years 2051..2100; this script COMPUTES them with PyPI `ephem`: new moons
and the twelve principal terms (중기, solar longitude a multiple of 30°) as dates in UTC+9, and
the rules of the Korean (시헌력) lunisolar calendar: the month holding the winter solstice is
month 11; when 13 months lie between two such months, the first without a principal term is
the leap month. These years are labelled computed, not published.

The same rules are run over 1912..2050 and compared with the KASI table; the script prints
how many lunar years differ (it must be 0 for the output to be trusted).

Writes Sources/KoreanCalendar/Lunar/LunarTable+Computed.swift.
Usage: python3 scripts/calendar/extend_lunar_table.py (needs `pip install ephem korean-lunar-calendar`)
"""

import datetime
import math
import os
import sys

import ephem

sys.path.insert(0, os.path.dirname(__file__))
import generate_lunar_table as kasi  # noqa: E402

EPOCH = datetime.date(1970, 1, 1).toordinal()
KST = 9 / 24
FIRST, LAST = 2051, 2100


def kst_day(when):
    return ephem.Date(when + KST).datetime().date().toordinal() - EPOCH


def longitude(when):
    sun = ephem.Sun()
    sun.compute(when, epoch=when)
    ecl = ephem.Ecliptic(ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=when), epoch=when)
    return math.degrees(ecl.lon) % 360


def term_days(first_year, last_year):
    """KST day numbers of every principal term (multiples of 30°)."""
    days = []
    when = ephem.Date(f"{first_year}/1/1")
    end = ephem.Date(f"{last_year + 1}/1/1")
    target = (math.floor(longitude(when) / 30) + 1) * 30 % 360
    while when < end:
        for _ in range(30):
            delta = (target - longitude(when) + 180) % 360 - 180
            when = ephem.Date(when + delta / 0.9856)
            if abs(delta) < 1e-9:
                break
        days.append(kst_day(when))
        target = (target + 30) % 360
        when = ephem.Date(when + 29)
    return days


def new_moon_days(first_year, last_year):
    days, when = [], ephem.Date(f"{first_year}/1/1")
    end = ephem.Date(f"{last_year + 1}/1/1")
    while when < end:
        when = ephem.next_new_moon(when)
        days.append(kst_day(when))
        when = ephem.Date(when + 1)
    return days


def winter_solstice_day(year):
    when = ephem.Date(f"{year}/12/15")
    for _ in range(30):
        delta = (270 - longitude(when) + 180) % 360 - 180
        when = ephem.Date(when + delta / 0.9856)
        if abs(delta) < 1e-9:
            break
    return kst_day(when)


def compute_years(first_year, last_year):
    """{lunar year: (packed, new year day)} for first_year..last_year."""
    moons = new_moon_days(first_year - 2, last_year + 2)
    terms = set(term_days(first_year - 2, last_year + 2))

    def month_index_containing(day):
        for i in range(len(moons) - 1):
            if moons[i] <= day < moons[i + 1]:
                return i
        raise ValueError(day)

    def has_principal_term(i):
        return any(moons[i] <= d < moons[i + 1] for d in terms)

    # months[(year, number, leap)] = index into moons
    labels = {}
    for year in range(first_year - 1, last_year + 2):
        start = month_index_containing(winter_solstice_day(year - 1))  # month 11 of year-1
        end = month_index_containing(winter_solstice_day(year))        # month 11 of year
        leap_found = end - start != 13
        number, owner = 11, year - 1
        labels[(owner, 11, False)] = start
        for i in range(start + 1, end):
            if not leap_found and not has_principal_term(i):
                leap_found = True
                labels[(owner, number, True)] = i
                continue
            number += 1
            if number == 13:
                number, owner = 1, year
            labels[(owner, number, False)] = i
    result = {}
    for year in range(first_year, last_year + 1):
        order = []
        leap = 0
        for month in range(1, 13):
            order.append(labels[(year, month, False)])
            if (year, month, True) in labels:
                leap = month
                order.append(labels[(year, month, True)])
        bits = 0
        for k, i in enumerate(order):
            if moons[i + 1] - moons[i] == 30:
                bits |= 1 << k
        result[year] = (bits | leap << 13, moons[order[0]])
    return result


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    from korean_lunar_calendar import KoreanLunarCalendar
    cal = KoreanLunarCalendar()
    check = compute_years(1912, 2049)
    differing = []
    for year, (packed, start) in check.items():
        raw = KoreanLunarCalendar.KOREAN_LUNAR_DATA[year - kasi.FIRST_YEAR]
        leap = (raw >> 12) & 0xF
        order = [(m, False) for m in range(1, 13)]
        if leap:
            order.insert(leap, (leap, True))
        bits = sum((kasi.month_length(cal, year, m, l) == 30) << k for k, (m, l) in enumerate(order))
        if (bits | leap << 13, kasi.day_number(kasi.solar_of(cal, year, 1, 1, False))) != (packed, start):
            differing.append(year)
    print(f"rules vs KASI 1912..2049: {len(differing)} lunar years differ {differing}")

    computed = compute_years(FIRST, LAST)
    out = os.path.join(root, "Sources/KoreanCalendar/Lunar/LunarTable+Computed.swift")
    with open(out, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/calendar/extend_lunar_table.py — do not edit.\n")
        f.write("// COMPUTED, not published: lunar years past KASI's table, from new moons and principal\n")
        f.write(f"// terms in UTC+9 (PyPI ephem {ephem.__version__}). The same rules reproduce KASI 1912..2049\n")
        f.write(f"// except for {len(differing)} lunar years ({', '.join(map(str, differing)) or 'none'}).\n\n")
        f.write("extension LunarTable {\n")
        f.write(f"    /// The last computed lunar year.\n    static let lastComputedYear = {LAST}\n\n")
        f.write(f"    /// Lunar years {FIRST}...{LAST}, packed like `packedYears`.\n")
        f.write("    static let computedPackedYears: [UInt32] = [\n")
        values = [computed[y][0] for y in range(FIRST, LAST + 1)]
        for i in range(0, len(values), 8):
            f.write("        " + ", ".join(f"0x{v:05X}" for v in values[i:i + 8]) + ",\n")
        f.write("    ]\n\n")
        f.write(f"    /// Day numbers of the new years {FIRST}...{LAST}.\n")
        f.write("    static let computedNewYearDays: [Int32] = [\n")
        values = [computed[y][1] for y in range(FIRST, LAST + 1)]
        for i in range(0, len(values), 8):
            f.write("        " + ", ".join(str(v) for v in values[i:i + 8]) + ",\n")
        f.write("    ]\n}\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
