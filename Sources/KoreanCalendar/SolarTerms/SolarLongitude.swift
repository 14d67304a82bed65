/// The Sun's apparent geocentric ecliptic longitude of date (Meeus, Astronomical Algorithms,
/// ch. 25 "higher accuracy"): VSOP87D Earth + 180°, the FK5 correction, nutation in longitude
/// (the largest IAU 1980 terms) and annual aberration.
enum SolarLongitude {
    static let j2000 = 2_451_545.0
    static let degreesPerRadian = 180.0 / Double.pi

    /// Apparent longitude in degrees, 0 ≤ λ < 360, at a Julian Ephemeris Day (TT).
    static func apparent(julianEphemerisDay jde: Double) -> Double {
        let tau = (jde - j2000) / 365_250
        let geometric = VSOP87Earth.heliocentricLongitude(tau: tau) * degreesPerRadian + 180
        let radius = VSOP87Earth.radius(tau: tau)
        let fk5 = -0.090_33 / 3600
        let aberration = -20.4898 / 3600 / radius
        return normalized(geometric + fk5 + nutationInLongitude(centuries: tau * 10) + aberration)
    }

    /// Δψ in degrees (IAU 1980, terms down to 0.01″).
    static func nutationInLongitude(centuries t: Double) -> Double {
        let r = 1 / degreesPerRadian
        let d = (297.850_36 + 445_267.111_480 * t - 0.001_914_2 * t * t) * r
        let m = (357.527_72 + 35_999.050_340 * t - 0.000_160_3 * t * t) * r
        let mm = (134.962_98 + 477_198.867_398 * t + 0.008_697_2 * t * t) * r
        let f = (93.271_91 + 483_202.017_538 * t - 0.003_682_5 * t * t) * r
        let om = (125.044_52 - 1934.136_261 * t + 0.002_070_8 * t * t) * r
        // Coefficients in 0.0001″ (Meeus table 22.A).
        var sum = (-171_996 - 174.2 * t) * Trig.sin(om)
        sum += (-13_187 - 1.6 * t) * Trig.sin(-2 * d + 2 * f + 2 * om)
        sum += (-2274 - 0.2 * t) * Trig.sin(2 * f + 2 * om)
        sum += (2062 + 0.2 * t) * Trig.sin(2 * om)
        sum += (1426 - 3.4 * t) * Trig.sin(m)
        sum += (712 + 0.1 * t) * Trig.sin(mm)
        sum += (-517 + 1.2 * t) * Trig.sin(-2 * d + m + 2 * f + 2 * om)
        sum += (-386 - 0.4 * t) * Trig.sin(2 * f + om)
        sum += -301 * Trig.sin(mm + 2 * f + 2 * om)
        sum += (217 - 0.5 * t) * Trig.sin(-2 * d - m + 2 * f + 2 * om)
        sum += -158 * Trig.sin(-2 * d + mm)
        sum += (129 + 0.1 * t) * Trig.sin(-2 * d + 2 * f + om)
        sum += 123 * Trig.sin(-mm + 2 * f + 2 * om)
        return sum / 10_000 / 3600
    }

    /// The Sun's rate of motion in longitude, degrees per day (mean motion + equation of centre).
    static func rate(julianEphemerisDay jde: Double) -> Double {
        let t = (jde - j2000) / 36_525
        let m = (357.529_11 + 35_999.050_29 * t) / degreesPerRadian
        return 0.985_647_36 + (1.914_602 * Trig.cos(m) + 0.039_986 * Trig.cos(2 * m)) * 0.985_600_28 / degreesPerRadian
    }

    static func normalized(_ degrees: Double) -> Double {
        let x = degrees - 360 * Trig.floor(degrees / 360)
        return x >= 360 ? x - 360 : x
    }
}
