// Benchmarks of the KoreanCalendar module.
//   cd Benchmarks && swift package benchmark --target CalendarBenchmarks
// Compare with the PyPI package on the same conversions:
//   python3 scripts/calendar/bench_korean_lunar_calendar.py
import Benchmark
import KoreanCalendar

/// A fixed pseudo-random sequence, so every run converts the same dates.
private struct SplitMix {
    var state: UInt64
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// A customer's anniversary as the planner sees it.
private struct CustomerAnniversary: Sendable {
    var lunar: LunarAnniversaryKey?
    var solar: SolarAnniversaryKey?
}

/// One million day numbers between solar 1900-01-31 and 2050-12-31.
private func randomDayNumbers(_ count: Int) -> [Int] {
    var random = SplitMix(state: 42)
    let first = (try? SolarDate(year: 1900, month: 1, day: 31).dayNumber) ?? 0
    let last = (try? SolarDate(year: 2050, month: 12, day: 31).dayNumber) ?? 0
    return (0..<count).map { _ in first + random.next(below: last - first + 1) }
}

/// One million customers: 70 % lunar anniversaries (5 % of those in a leap month), 30 % solar.
private func randomCustomers(_ count: Int) -> [CustomerAnniversary] {
    var random = SplitMix(state: 7)
    return (0..<count).map { _ in
        let month = 1 + random.next(below: 12)
        if random.next(below: 10) < 7 {
            let key = try? LunarAnniversaryKey(
                month: month, day: 1 + random.next(below: 30), isLeapMonth: random.next(below: 20) == 0)
            return CustomerAnniversary(lunar: key)
        }
        let key = try? SolarAnniversaryKey(month: month, day: 1 + random.next(below: SolarDate.daysIn(year: 2000, month: month)))
        return CustomerAnniversary(solar: key)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        maxDuration: .seconds(3), maxIterations: 20)

    Benchmark("Solar to lunar, 1M dates") { benchmark, days in  // target: 100 ms → ≥ 10 M/s
        for _ in benchmark.scaledIterations {
            var sum = 0
            for day in days { sum &+= (try? LunarDate(dayNumber: day))?.day ?? 0 }
            blackHole(sum)
        }
    } setup: {
        randomDayNumbers(1_000_000)
    }

    Benchmark("Lunar to solar, 1M dates") { benchmark, lunarDates in
        for _ in benchmark.scaledIterations {
            var sum = 0
            for lunar in lunarDates { sum &+= lunar.solarDate.day }
            blackHole(sum)
        }
    } setup: {
        randomDayNumbers(1_000_000).compactMap { try? LunarDate(dayNumber: $0) }
    }

    Benchmark("Anniversaries of 1M customers for one year") { benchmark, customers in  // target: ≤ 0.5 s
        for _ in benchmark.scaledIterations {
            guard let index = try? AnniversaryIndex(gregorianYear: 2026) else { return }
            var dates = 0
            for customer in customers {
                if let key = customer.lunar { dates &+= index.dates(of: key).count }
                if let key = customer.solar { dates &+= index.date(of: key).day > 0 ? 1 : 0 }
            }
            blackHole(dates)
        }
    } setup: {
        randomCustomers(1_000_000)
    }

    Benchmark("Anniversaries of 1M customers for one year, without an index") { benchmark, customers in
        for _ in benchmark.scaledIterations {
            var dates = 0
            for customer in customers {
                if let key = customer.lunar {
                    dates &+= (try? occurrences(ofLunar: key.month, day: key.day, leap: key.isLeapMonth,
                                                inGregorianYear: 2026))?.count ?? 0
                }
                if let key = customer.solar {
                    dates &+= (try? occurrences(ofSolar: key.month, day: key.day, inGregorianYear: 2026))?.count ?? 0
                }
            }
            blackHole(dates)
        }
    } setup: {
        randomCustomers(1_000_000)
    }

    Benchmark("Solar terms of 200 years") { benchmark in  // target: ≤ 50 ms
        for _ in benchmark.scaledIterations {
            var count = 0
            for year in 1901...2100 { count &+= (try? SolarTerms.terms(inYear: year))?.count ?? 0 }
            blackHole(count)
        }
    }

    Benchmark("Public holidays 1990–2100") { benchmark in
        for _ in benchmark.scaledIterations {
            var count = 0
            for year in 1990...2100 { count &+= (try? KoreanHolidays.holidays(inYear: year))?.count ?? 0 }
            blackHole(count)
        }
    }
}
