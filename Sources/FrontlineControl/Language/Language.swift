/// A language a dataset gives its names and words in, by the code its files use ("en",
/// "uk"). Which languages there are is the dataset's to say (`languages` in dataset.json);
/// nothing in the code knows a language but English, the tool's own.
public struct Language: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ code: String) { self.code = code }

    /// The tool's own language: its words are built in; the others come from the dataset.
    public static let english = Language("en")

    public var description: String { code }

    /// The key of a name in this language in every file and table Frontline reads or writes
    /// (`name_en`, `name_uk`): one spelling for the regions file, the gazetteer, the exports,
    /// the vector tiles and the JSON outputs.
    public var nameKey: String { "name_\(code)" }

    /// The language of a name key (`name_uk` → uk), or nil for another key.
    public init?(nameKey: String) {
        guard nameKey.hasPrefix("name_"), nameKey.count > 5 else { return nil }
        self.code = String(nameKey.dropFirst(5))
    }
}
