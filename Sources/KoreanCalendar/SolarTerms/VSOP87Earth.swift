/// The Earth's heliocentric longitude and distance from the truncated VSOP87D series
/// in `VSOP87Earth+Data.swift` (ecliptic and equinox of date).
enum VSOP87Earth {
    /// One periodic term A·cos(B + C·τ).
    struct Term: Sendable {
        let a: Double, b: Double, c: Double
        init(_ a: Double, _ b: Double, _ c: Double) { self.a = a; self.b = b; self.c = c }
    }

    /// Heliocentric longitude in radians, `tau` in Julian millennia (TT) from J2000.0.
    static func heliocentricLongitude(tau: Double) -> Double { evaluate(longitude, tau) }

    /// Sun–Earth distance in au.
    static func radius(tau: Double) -> Double { evaluate(radius, tau) }

    private static func evaluate(_ series: [[Term]], _ tau: Double) -> Double {
        var total = 0.0
        var power = 1.0
        for terms in series {
            var sum = 0.0
            for t in terms { sum += t.a * Trig.cos(t.b + t.c * tau) }
            total += sum * power
            power *= tau
        }
        return total * 1e-8
    }
}
