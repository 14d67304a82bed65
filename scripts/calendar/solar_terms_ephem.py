#!/usr/bin/env python3
"""Test fixture: the 24 solar terms 1900–2100 computed independently with PyPI `ephem`.

For each term the instant the Sun's apparent geocentric ecliptic longitude of date reaches the
term's multiple of 15° is found with ephem (libastro: VSOP87, its own nutation, aberration and
ΔT), shifted to KST (UTC+9) and written to the second. Kimbiseo's Swift tests compare their own
computation with this file (±1 minute).

Writes Tests/KoreanCalendarTests/Fixtures/terms-ephem.tsv: year, term index (0 = 소한),
longitude, KST instant `YYYY-MM-DDTHH:MM:SS`.
Usage: python3 scripts/calendar/solar_terms_ephem.py (needs `pip install ephem`)
"""

import math
import os

import ephem

FIRST_YEAR, LAST_YEAR = 1900, 2100
KST = 9 / 24


def apparent_longitude(when):
    sun = ephem.Sun()
    sun.compute(when, epoch=when)
    ecl = ephem.Ecliptic(ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=when), epoch=when)
    return math.degrees(ecl.lon) % 360


def crossing(target, guess):
    when = guess
    for _ in range(20):
        delta = (target - apparent_longitude(when) + 180) % 360 - 180
        step = delta / 0.9856
        when += step
        if abs(step) < 1e-7:
            break
    return when


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    out = os.path.join(root, "Tests/KoreanCalendarTests/Fixtures/terms-ephem.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# year\tterm\tlongitude\tkst — PyPI ephem {ephem.__version__}, apparent longitude of date\n")
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for index in range(24):
                longitude = (285 + 15 * index) % 360
                # Term k falls near January 6 + 15.2 k days.
                guess = ephem.Date(f"{year}/1/6") + 15.2 * index
                when = crossing(float(longitude), float(guess))
                kst = ephem.Date(when + KST).datetime()
                seconds = kst.second + kst.microsecond / 1e6
                stamp = kst.replace(second=0, microsecond=0)
                f.write(f"{year}\t{index}\t{longitude}\t{stamp:%Y-%m-%dT%H:%M}:{seconds:06.3f}\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
