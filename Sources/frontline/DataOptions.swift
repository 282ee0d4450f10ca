import ArgumentParser
import Foundation
import FrontlineControl

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
