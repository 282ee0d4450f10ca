import Foundation
import FrontlineSupport

/// The words Frontline prints in one language: titles, legends, tables, axes. The tool writes
/// its sentences in English; another language's words are the dataset's catalogue
/// (`wording/<code>.json`): each English sentence or template (`{place}`, `{date}` stand for
/// what is put in) mapped to its translation, with the month names and number separators.
/// A sentence the catalogue lacks prints in English (and `missing` says which, for tests).
public struct Wording: Sendable {
    public let language: Language
    let table: [String: String]
    /// Month names as a date says them ("5 February 2026", "5 лютого 2026").
    public let months: [String]
    /// Month names on a chart's axis ("Feb", "лют").
    public let shortMonths: [String]
    /// "." in 3.5, "," in 3,5.
    public let decimalSeparator: String
    /// "," in 114,821; a narrow no-break space in 114 821.
    public let groupSeparator: String
    private let misses: Locked<Set<String>>?

    public static let english = Wording(language: .english, table: [:], months: nil, shortMonths: nil, decimal: nil, group: nil)

    init(language: Language, table: [String: String], months: [String]?, shortMonths: [String]?, decimal: String?, group: String?,
         recordMisses: Bool = false) {
        self.language = language
        self.table = table
        self.months = months ?? ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]
        self.shortMonths = shortMonths ?? ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        self.decimalSeparator = decimal ?? "."
        self.groupSeparator = group ?? ","
        misses = recordMisses ? Locked([]) : nil
    }

    /// The sentence in this language (the English one where the catalogue has none).
    public subscript(_ english: String) -> String {
        if language == .english { return english }
        if let t = table[english] { return t }
        misses?.update { _ = $0.insert(english) }
        return english
    }

    /// A template in this language with its `{name}` slots filled.
    public func callAsFunction(_ english: String, _ values: [String: String]) -> String {
        var out = self[english]
        for (k, v) in values { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        return out
    }

    /// The English sentences asked for that the catalogue lacks (recorded only when loaded
    /// with `recordMisses`, as the completeness test does).
    public var missing: Set<String> { misses?.value ?? [] }

    /// A number written with this language's separators ("114,821.5" → "114 821,5").
    public func localized(_ englishNumber: String) -> String {
        guard decimalSeparator != "." || groupSeparator != "," else { return englishNumber }
        return String(englishNumber.map { $0 == "," ? "\u{1}" : $0 == "." ? "\u{2}" : $0 })
            .replacingOccurrences(of: "\u{1}", with: groupSeparator).replacingOccurrences(of: "\u{2}", with: decimalSeparator)
    }
}

extension Wording {
    /// `wording/<code>.json`: `{"months": [...], "shortMonths": [...], "decimalSeparator": ",",
    /// "groupSeparator": " ", "words": {"English": "translation"}}`.
    struct File: Decodable {
        var months: [String]?
        var shortMonths: [String]?
        var decimalSeparator: String?
        var groupSeparator: String?
        var words: [String: String]
    }

    static func load(_ url: URL, language: Language, recordMisses: Bool) throws -> Wording {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw FrontlineError.missingInput("cannot read \(url.path)") }
        let f: File
        do { f = try JSONDecoder().decode(File.self, from: data) } catch {
            throw FrontlineError.badData("\(url.lastPathComponent): not a wording catalogue (\(error.localizedDescription))")
        }
        for (name, list) in [("months", f.months), ("shortMonths", f.shortMonths)] where list != nil && list!.count != 12 {
            throw FrontlineError.badData("\(url.lastPathComponent): '\(name)' must list 12 months")
        }
        return Wording(language: language, table: f.words, months: f.months, shortMonths: f.shortMonths,
                       decimal: f.decimalSeparator, group: f.groupSeparator, recordMisses: recordMisses)
    }
}
