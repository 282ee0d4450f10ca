import Foundation

/// A calendar day (proleptic Gregorian, no time zone): the unit of every snapshot and query.
/// Stored as days since 1970-01-01 so that differences and ordering are integer arithmetic.
public struct DayDate: Comparable, Hashable, Sendable, CustomStringConvertible, Codable {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// The years a date may fall in: a snapshot of 3170843 is a misread timestamp, not data.
    public static let years = 1900...2100

    /// Nil unless `month` and `day` name a real day (2026-02-29 is not one).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...DayDate.daysIn(month, year)).contains(day) else { return nil }
        // Days from civil (H. Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = era * 146097 + doe - 719468
    }

    /// Parses exactly `YYYY-MM-DD`; nil for anything else, including impossible days and
    /// years outside `years`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), DayDate.years.contains(y), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses `YYYYMMDD` (as in DeepState file names).
    public init?(compact text: Substring) {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let s = String(text)
        self.init("\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.suffix(2))")
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` (printf's `%04d-%02d-%02d`, written digit by digit: Foundation's formatter
    /// cost a millisecond per thousand dates, and a process lists a thousand at its start).
    public var description: String {
        let c = components
        guard (0...9999).contains(c.year) else { return String(format: "%04d-%02d-%02d", c.year, c.month, c.day) }
        func digits(_ v: Int, _ n: Int) -> [UInt8] {
            var out = [UInt8](repeating: UInt8(ascii: "0"), count: n), v = v
            for k in stride(from: n - 1, through: 0, by: -1) { out[k] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 }
            return out
        }
        let dash = [UInt8(ascii: "-")]
        return String(decoding: digits(c.year, 4) + dash + digits(c.month, 2) + dash + digits(c.day, 2), as: UTF8.self)
    }

    public func adding(days n: Int) -> DayDate { DayDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: DayDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public static func < (a: DayDate, b: DayDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = DayDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
