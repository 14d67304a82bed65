/// ΔT = TT − UT in seconds, by the polynomial expressions of Espenak & Meeus
/// (NASA, "Polynomial Expressions for Delta T", 2006) for 1800–2150.
enum DeltaT {
    /// ΔT at a decimal year (e.g. 2025.5).
    static func seconds(atYear y: Double) -> Double {
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
