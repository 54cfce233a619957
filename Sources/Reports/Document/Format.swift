import Foundation

/// Deterministic number and time formatting for every document of this module.
///
/// `String(format:)` with `%f` prints in the POSIX locale whatever the machine's locale,
/// so `0.5` is always `0.5`, never `0,5`. Negative zero is printed as zero, infinities as
/// `∞` (or `inf` in CSV), NaN as `n/a`, so golden files do not flip on a sign bit.
public enum Format {
    /// `x` with exactly `decimals` decimals: `fixed(0.81234, 3) == "0.812"`.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        if let special = special(x) { return special }
        let s = String(format: "%.\(decimals)f", x)
        return isNegativeZero(s) ? String(s.dropFirst()) : s
    }

    /// `x` with three significant digits (no decimals from 100 up: `1234`), switching to
    /// `1.23e6` style outside [0.001, 1e6): for table cells whose range is not known in
    /// advance.
    public static func significant(_ x: Double) -> String {
        if let special = special(x) { return special }
        let a = abs(x)
        if a == 0 { return "0" }
        if a >= 1e6 || a < 1e-3 {
            let s = String(format: "%.2e", x) // 1.23e+06
            let parts = s.split(separator: "e")
            let exponent = Int(parts[1])!
            return "\(parts[0])e\(exponent)"
        }
        let decimals = max(0, 2 - Int(log10(a).rounded(.down)))
        return fixed(x, decimals)
    }

    /// Like ``significant(_:)`` without trailing zeros after the decimal point: for
    /// settings such as a sample rate (`50`, `12.5`), not for table columns.
    public static func plain(_ x: Double) -> String {
        droppingTrailingZeros(significant(x))
    }

    /// `s` without the zeros that end its decimals, and without a bare trailing point
    /// (`"12.50"` → `"12.5"`, `"3.00"` → `"3"`); unchanged without a point or in `e` notation.
    static func droppingTrailingZeros(_ number: String) -> String {
        var s = number
        guard s.contains("."), !s.contains("e") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A fraction as a percentage: `percent(0.8125, 1) == "81.3 %"`.
    public static func percent(_ fraction: Double, _ decimals: Int = 1) -> String {
        if let special = special(fraction) { return special }
        return fixed(fraction * 100, decimals) + " %"
    }

    /// A count stored as a Double (pulse counters), printed as a whole number.
    public static func count(_ x: Double) -> String {
        if let special = special(x) { return special }
        return fixed(x.rounded(), 0)
    }

    /// A duration in the largest unit that keeps it ≥ 1: `90 → "1.50 min"`,
    /// `86_400 × 400 → "1.10 years"` (a year is 365.25 days); `∞ → "never"`.
    public static func duration(_ seconds: Double) -> String {
        if seconds.isNaN { return "n/a" }
        if seconds == .infinity { return "never" }
        if seconds <= 0 { return "now" }
        let units: [(String, Double)] = [
            ("years", 365.25 * 86_400), ("days", 86_400), ("h", 3_600), ("min", 60), ("s", 1),
        ]
        for (name, size) in units where seconds >= size {
            return significant(seconds / size) + " " + name
        }
        return significant(seconds) + " s"
    }

    /// A Double for CSV: Swift's shortest round-trip form (`0.1`, `1e-05`, `3.0`), which
    /// is exact and the same on every platform; `inf`, `-inf`, `nan` for the specials.
    public static func csv(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == 0 { return "0.0" }
        return x.description
    }

    /// A coordinate or length in an SVG: at most two decimals, trailing zeros dropped
    /// (`12.5`, `3`, `0.07`).
    public static func coordinate(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let s = droppingTrailingZeros(String(format: "%.2f", x))
        return isNegativeZero(s) || s == "-0" ? "0" : s
    }

    /// Seconds since 1970 as an ISO 8601 UTC timestamp, `2026-03-01T12:00:00Z`
    /// (proleptic Gregorian calendar; fractions of a second are dropped).
    public static func timestamp(unixSeconds: Double) -> String {
        guard unixSeconds.isFinite else { return "n/a" }
        let total = Int((unixSeconds).rounded(.down))
        let days = Int((Double(total) / 86_400).rounded(.down))
        let secondOfDay = total - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3_600)):"
            + "\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    private static func special(_ x: Double) -> String? {
        if x.isNaN { return "n/a" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        return nil
    }

    private static func isNegativeZero(_ s: String) -> Bool {
        s.hasPrefix("-") && s.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    }
}
