import Foundation
import FrontlineSupport

extension Dataset {
    /// The languages the dataset's names and words are in, the primary first.
    public var languages: [Language] { info.languageList }

    /// The language of `code` when the dataset has it (`--lang`, the server's `lang=`).
    public func language(_ code: String) throws -> Language {
        let lang = Language(code)
        guard languages.contains(lang) else {
            throw FrontlineError.usage("no language '\(code)' in this dataset; it has \(languages.map(\.code).joined(separator: ", "))")
        }
        _ = try wording(lang, strict: true)
        return lang
    }

    /// The folder of the dataset's wording catalogues.
    public var wordingFolder: URL { folder.appendingPathComponent("wording") }

    /// The words of `lang`: the tool's English, or the dataset's catalogue for another
    /// language. Read once per process. A listed language without a readable catalogue prints
    /// in English (said once on stderr); `language(_:)` refuses it before any output.
    public func wording(_ lang: Language) -> Wording {
        (try? wording(lang, strict: false)) ?? .english
    }

    /// The catalogue with every sentence asked for that it lacks recorded (`Wording.missing`).
    public func wordingRecordingMisses(_ lang: Language) throws -> Wording {
        try Wording.load(catalogue(lang), language: lang, recordMisses: true)
    }

    private func catalogue(_ lang: Language) -> URL { wordingFolder.appendingPathComponent("\(lang.code).json") }

    private func wording(_ lang: Language, strict: Bool) throws -> Wording {
        if let known = wordings.value[lang.code] { return known }
        let url = catalogue(lang)
        let words: Wording
        if lang == .english && !FileManager.default.fileExists(atPath: url.path) {
            words = .english
        } else {
            do { words = try Wording.load(url, language: lang, recordMisses: false) } catch {
                if strict { throw error }
                warn("\(error); the words print in English")
                wordings.update { $0[lang.code] = .english }
                return .english
            }
        }
        wordings.update { $0[lang.code] = words }
        return words
    }
}
