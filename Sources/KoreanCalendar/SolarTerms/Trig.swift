/// Sine and cosine in pure Swift (the standard library has none on Linux without Glibc).
///
/// Cody–Waite reduction by π/2 in two parts, then Taylor kernels on [−π/4, π/4]; accurate to
/// a few ulp for |x| up to about 1e6 rad, which covers every argument of the solar theory.
enum Trig {
    private static let twoOverPi = 0.636_619_772_367_581_34
    // π/2 split so that k·piOver2High is exact for |k| < 2^20 (fdlibm's constants).
    private static let piOver2High = 1.570_796_326_734_125_6
    private static let piOver2Low = 6.077_100_506_506_192_2e-11

    @inline(__always)
    static func sin(_ x: Double) -> Double {
        let (r, quadrant) = reduce(x)
        switch quadrant {
        case 0: return sinKernel(r)
        case 1: return cosKernel(r)
        case 2: return -sinKernel(r)
        default: return -cosKernel(r)
        }
    }

    @inline(__always)
    static func cos(_ x: Double) -> Double {
        let (r, quadrant) = reduce(x)
        switch quadrant {
        case 0: return cosKernel(r)
        case 1: return -sinKernel(r)
        case 2: return -cosKernel(r)
        default: return sinKernel(r)
        }
    }

    @inline(__always)
    private static func reduce(_ x: Double) -> (Double, Int) {
        let k = Trig.nearest(x * twoOverPi)
        let r = (x - k * piOver2High) - k * piOver2Low
        return (r, Int(k) & 3)
    }

    /// floor(x) for |x| < 2^62, without libm.
    @inline(__always)
    static func floor(_ x: Double) -> Double {
        let t = Double(Int(x))
        return t > x ? t - 1 : t
    }

    /// The nearest integer (halves away from −∞), without libm.
    @inline(__always)
    static func nearest(_ x: Double) -> Double { floor(x + 0.5) }

    @inline(__always)
    private static func sinKernel(_ x: Double) -> Double {
        let z = x * x
        // x − x³/3! + x⁵/5! − … − x¹⁵/15!
        let p = -1.0 / 1_307_674_368_000
        let q = ((((((p * z + 1.0 / 6_227_020_800) * z - 1.0 / 39_916_800) * z + 1.0 / 362_880) * z
            - 1.0 / 5040) * z + 1.0 / 120) * z - 1.0 / 6)
        return x + x * z * q
    }

    @inline(__always)
    private static func cosKernel(_ x: Double) -> Double {
        let z = x * x
        // 1 − x²/2! + x⁴/4! − … + x¹⁶/16!
        let p = 1.0 / 20_922_789_888_000
        let q = ((((((p * z - 1.0 / 87_178_291_200) * z + 1.0 / 479_001_600) * z - 1.0 / 3_628_800) * z
            + 1.0 / 40_320) * z - 1.0 / 720) * z + 1.0 / 24)
        return 1 - z / 2 + z * z * q
    }
}
