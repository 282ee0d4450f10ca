import ArgumentParser
import Foundation
import FrontlineControl
import FrontlineSupport

/// Options every data-reading subcommand shares.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Dataset folder (holding dataset.json) or a GeoData folder.", valueName: "dir"))
    var dataDir: String?

    func open() throws -> Dataset {
        try Dataset.open(dataDir: dataDir, warn: Console.warn)
    }

    /// The dataset folder these options point to, without opening it.
    func folder() throws -> URL {
        try DataDirectory.locate(explicit: dataDir)
    }
}

extension DayDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// `7d`, `14d`, `1w`, or a bare number of days.
struct DayInterval: ExpressibleByArgument {
    let days: Int
    init?(argument: String) {
        let s = argument.lowercased()
        let factor = s.hasSuffix("w") ? 7 : 1
        guard let n = Int(s.hasSuffix("d") || s.hasSuffix("w") ? String(s.dropLast()) : s) else { return nil }
        days = n * factor
    }
}

enum TextFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// How old a snapshot may be for a date (render, stats, diff, tiles): a date between
/// snapshots takes the newest before it, which may show the front weeks before the date.
struct AgeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Refuse a date whose newest snapshot is more than this many days older (exit 66).", valueName: "days"))
    var maxAge: Int?

    /// Days past which an older snapshot is worth a warning, not only a note.
    static let warnAfterDays = 3

    func validate() throws {
        if let maxAge, maxAge < 0 { throw ValidationError("--max-age must be 0 or more days") }
    }

    /// Throws before any work when the snapshot standing for `date` is older than --max-age.
    func check(_ dataset: Dataset, _ date: DayDate, source: String?) throws {
        guard let maxAge else { return }
        let match = try dataset.timeline.snapshot(asOf: date, source: source)
        let age = match.ref.date.days(to: date)
        if age > maxAge {
            throw FrontlineError.missingInput("no snapshot within \(maxAge) days of \(date): the newest before it is \(match.ref.source) \(match.ref.date), \(age) days older")
        }
    }
}
