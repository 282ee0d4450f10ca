import Foundation

/// `String(format: "%.Nf", v)` without Foundation's formatter, which took a third of
/// `stats --format csv` over a thousand dates. The digits come from rounding v·10^N to an
/// integer; where that product lies too close to a half for its own rounding error to be
/// ruled out (printf rounds the exact binary value), and for values out of range, the
/// formatter itself answers: the text is always printf's.
public enum FixedDecimal {
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    public static func format(_ v: Double, decimals n: Int) -> String {
        guard n >= 0, n < powers.count, v.isFinite, abs(v) < 1e12 else { return slow(v, n) }
        let p = abs(v) * powers[n]
        let whole = p.rounded(.down)
        let fraction = p - whole
        // Near a tie the product's rounding error could flip the digit: ask printf.
        if abs(fraction - 0.5) < 1e-6 { return slow(v, n) }
        let units = Int64(whole) + (fraction > 0.5 ? 1 : 0)
        let scale = Int64(powers[n])
        let integer = units / scale, rest = units % scale
        // printf keeps the sign of anything negative, even what rounds to zero ("-0.0").
        var text = v.sign == .minus ? "-" : ""
        text += String(integer)
        guard n > 0 else { return text }
        let digits = String(rest)
        return text + "." + String(repeating: "0", count: n - digits.count) + digits
    }

    private static func slow(_ v: Double, _ n: Int) -> String { String(format: "%.\(n)f", v) }
}
