#!/usr/bin/env python3
"""Time the PyPI package `korean-lunar-calendar` on the conversions Kimbiseo benchmarks.

Same work as Benchmarks/Calendar/CalendarBenchmarks.swift: random days between solar
1900-01-31 and 2050-12-31, converted solar → lunar, and their lunar dates converted back
lunar → solar. Prints the median conversions per second of several runs, measured in CPU
time of the process (time.process_time) so that other load on the machine does not count.

Usage: python3 scripts/calendar/bench_korean_lunar_calendar.py [COUNT]   (default 100000)
"""

import datetime
import random
import statistics
import sys
import time

from korean_lunar_calendar import KoreanLunarCalendar


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(42)
    first = datetime.date(1900, 1, 31).toordinal()
    last = datetime.date(2050, 12, 31).toordinal()
    solars = [datetime.date.fromordinal(rng.randint(first, last)) for _ in range(count)]
    cal = KoreanLunarCalendar()
    lunars = []
    for d in solars:
        cal.setSolarDate(d.year, d.month, d.day)
        lunars.append((cal.lunarYear, cal.lunarMonth, cal.lunarDay, cal.isIntercalation))

    def to_lunar():
        c = KoreanLunarCalendar()
        for d in solars:
            c.setSolarDate(d.year, d.month, d.day)

    def to_solar():
        c = KoreanLunarCalendar()
        for y, m, d, leap in lunars:
            c.setLunarDate(y, m, d, leap)

    for name, fn in (("solar→lunar", to_lunar), ("lunar→solar", to_solar)):
        runs = []
        for _ in range(5):
            t0 = time.process_time()
            fn()
            runs.append(time.process_time() - t0)
        median = statistics.median(runs)
        print(f"{name}: {count / median:,.0f} conversions/s (median of 5 runs of {count:,}, CPU time)")


if __name__ == "__main__":
    main()
