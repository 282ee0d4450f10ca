import Foundation
import FrontlineSupport

/// A table-driven romanization of Cyrillic names (`romanization-*.json` in the GeoData
/// sources): letters with an optional word-initial form, letter sequences that map as one
/// (Ukrainian зг → zgh), and whole names that keep a conventional spelling. The rules of a
/// language are in its file; this type only applies them.
public struct Romanizer: Sendable {
    public struct Table: Codable, Sendable {
        public var about: String?
        /// Letter → romanization, or [word-initial form, other form].
        public var letters: [String: Letters]
        /// Sequences of letters romanized as one, tried before single letters.
        public var sequences: [String: String]
        /// Whole names with a conventional spelling, in the source script.
        public var exceptions: [String: String]
    }

    public enum Letters: Codable, Sendable {
        case same(String)
        case initialAndOther(String, String)

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .same(s); return }
            let pair = try c.decode([String].self)
            guard pair.count == 2 else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "a letter maps to a string or [initial, other]")
            }
            self = .initialAndOther(pair[0], pair[1])
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .same(let s): try c.encode(s)
            case .initialAndOther(let a, let b): try c.encode([a, b])
            }
        }

        func form(initial: Bool) -> String {
            switch self {
            case .same(let s): return s
            case .initialAndOther(let a, let b): return initial ? a : b
            }
        }
    }

    public let table: Table
    private let longestSequence: Int

    public init(table: Table) {
        self.table = table
        longestSequence = table.sequences.keys.map(\.count).max() ?? 1
    }

    public static func load(_ url: URL) throws -> Romanizer {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FrontlineError.missingInput("cannot read \(url.path)")
        }
        do { return Romanizer(table: try JSONDecoder().decode(Table.self, from: data)) } catch {
            throw FrontlineError.badData("\(url.lastPathComponent): \(error)")
        }
    }

    /// The name in Latin letters (stress marks dropped; Latin letters, digits and punctuation
    /// pass through), or nil when it holds a Cyrillic letter the table does not know: a name
    /// of another language (Russian ы, Serbian ј), which this table must not spell.
    public func romanize(_ name: String) -> String? {
        let name = Romanizer.withoutStressMarks(name)
        if let conventional = table.exceptions[name] { return conventional }
        let chars = Array(name)
        var out = ""
        var i = 0
        while i < chars.count {
            // A word begins at the start, after a space or after a hyphen (not after an apostrophe).
            let initial = i == 0 || chars[i - 1] == " " || chars[i - 1] == "-"
            let (latin, used) = next(chars, at: i, initial: initial)
            if used == 1 && latin == String(chars[i]) && Romanizer.isCyrillic(chars[i]) { return nil }
            out += chars[i].isUppercase ? capitalized(latin) : latin
            i += used
        }
        return out
    }

    /// The romanization of the longest sequence or letter at `i`, and how many characters it used.
    private func next(_ chars: [Character], at i: Int, initial: Bool) -> (String, Int) {
        var n = min(longestSequence, chars.count - i)
        while n > 1 {
            if let s = table.sequences[String(chars[i..<(i + n)]).lowercased()] { return (s, n) }
            n -= 1
        }
        let c = String(chars[i])
        if let l = table.letters[c.lowercased()] { return (l.form(initial: initial), 1) }
        return (c, 1)
    }

    static func isCyrillic(_ c: Character) -> Bool { c.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) } }

    /// The name without combining acute and grave accents (GeoNames marks stress in some names: Ові́діополь).
    public static func withoutStressMarks(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value != 0x0301 && $0.value != 0x0300 }))
    }

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
