/// ΔT = TT − UT in seconds.
///
/// - 1972…2025: observed, as 32.184 s + TAI−UTC (the leap seconds announced by the IERS); the
///   neglected UT1−UTC stays below 0.9 s.
/// - 2025…2050: the Espenak–Meeus polynomial, shifted to meet the observed 69.2 s of 2025 and
///   blending back into it by 2050 (a prediction; the future rotation of the Earth is unknown).
/// - Otherwise: the polynomial expressions of Espenak & Meeus (NASA, "Polynomial Expressions for
///   Delta T", 2006), 1800–2150.
enum DeltaT {
    /// Start of each TAI−UTC step as a decimal year, and TAI−UTC from then on (10 s in 1972).
    private static let leapSeconds: [(year: Double, taiMinusUTC: Double)] = [
        (1972.0, 10), (1972.5, 11), (1973.0, 12), (1974.0, 13), (1975.0, 14), (1976.0, 15), (1977.0, 16),
        (1978.0, 17), (1979.0, 18), (1980.0, 19), (1981.5, 20), (1982.5, 21), (1983.5, 22), (1985.5, 23),
        (1988.0, 24), (1990.0, 25), (1991.0, 26), (1992.5, 27), (1993.5, 28), (1994.5, 29), (1996.0, 30),
        (1997.5, 31), (1999.0, 32), (2006.0, 33), (2009.0, 34), (2012.5, 35), (2015.5, 36), (2017.0, 37),
    ]
    private static let observedUntil = 2025.0
    private static let observedAtEnd = 69.2

    /// ΔT at a decimal year (e.g. 2025.5).
    static func seconds(atYear y: Double) -> Double {
        if y >= 1972 && y < observedUntil {
            let step = leapSeconds.last { $0.year <= y } ?? leapSeconds[0]
            return 32.184 + step.taiMinusUTC
        }
        if y >= observedUntil && y < 2050 {
            let shift = (observedAtEnd - polynomial(observedUntil)) * (2050 - y) / (2050 - observedUntil)
            return polynomial(y) + shift
        }
        return polynomial(y)
    }

    /// Espenak & Meeus.
    static func polynomial(_ y: Double) -> Double {
        switch y {
        case ..<1860:
            let t = y - 1800
            return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * pow3(t) - 0.00037436 * pow4(t)
                + 0.0000121272 * pow4(t) * t - 0.0000001699 * pow3(t) * pow3(t) + 0.000000000875 * pow4(t) * pow3(t)
        case ..<1900:
            let t = y - 1860
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * pow3(t) - 0.0004473624 * pow4(t)
                + pow4(t) * t / 233_174
        case ..<1920:
            let t = y - 1900
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow3(t) - 0.000197 * pow4(t)
        case ..<1941:
            let t = y - 1920
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow3(t)
        case ..<1961:
            let t = y - 1950
            return 29.07 + 0.407 * t - t * t / 233 + pow3(t) / 2547
        case ..<1986:
            let t = y - 1975
            return 45.45 + 1.067 * t - t * t / 260 - pow3(t) / 718
        case ..<2005:
            let t = y - 2000
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow3(t) + 0.000651814 * pow4(t)
                + 0.00002373599 * pow4(t) * t
        case ..<2050:
            let t = y - 2000
            return 62.92 + 0.32217 * t + 0.005589 * t * t
        default:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u - 0.5628 * (2150 - y)
        }
    }

    private static func pow3(_ t: Double) -> Double { t * t * t }
    private static func pow4(_ t: Double) -> Double { t * t * t * t }
}
