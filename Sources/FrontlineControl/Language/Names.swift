import FrontlineGeo

/// One thing's name in each language of its file: the first is its primary name (the
/// dataset's first language), and a language without a name of its own reads the primary.
public struct Names: Hashable, Sendable {
    /// The languages, in the order of `values` (the file's order).
    public let languages: [Language]
    public let values: [String]

    /// Names in `languages`' order; an empty name stands for the primary.
    public init(_ languages: [Language], _ values: [String]) {
        precondition(!languages.isEmpty && languages.count == values.count, "one name per language")
        self.languages = languages
        let primary = values[0]
        self.values = values.map { $0.isEmpty ? primary : $0 }
    }

    /// The same name in every language (a point typed as coordinates, a code with no name).
    public init(same name: String, in languages: [Language]) {
        self.init(languages, languages.map { _ in name })
    }

    /// The name in `lang`, or the primary name where the file has none in it.
    public func callAsFunction(_ lang: Language) -> String {
        languages.firstIndex(of: lang).map { values[$0] } ?? values[0]
    }

    /// The name in the dataset's first language: what one-language outputs (CSV, text) print.
    public var primary: String { values[0] }

    /// The name in another language than the primary, where it differs (shown in brackets).
    public var others: [String] {
        var seen: Set<String> = [primary]
        return values.filter { seen.insert($0).inserted }
    }

    /// `(name_en, …), (name_uk, …)`: the fields of the JSON and tables that carry names.
    public var keyed: [(key: String, value: String)] { zip(languages, values).map { ($0.nameKey, $1) } }
}

extension Names {
    /// The names as JSON members (`name_en`, `name_uk`…), in the file's order.
    public var jsonMembers: [(String, JSONOut)] { keyed.map { ($0.key, .string($0.value)) } }
}
