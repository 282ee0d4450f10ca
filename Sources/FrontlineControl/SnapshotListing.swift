import FrontlineGeo

/// The text of `frontline snapshots`: per source the first and last date, the count, how many
/// gaps are longer than a week and the longest (JSON lists every gap); optionally every date.
public struct SnapshotListing {
    public let timeline: Timeline
    public let sources: [String]
    public var gapDays = 7

    public init(timeline: Timeline, sources: [String]) {
        self.timeline = timeline
        self.sources = sources
    }

    public func render(format: String, allDates: Bool) -> String {
        switch format {
        case "json": return json()
        case "csv": return "source,date\n" + refs.map { "\($0.source),\($0.date)\n" }.joined()
        default: return table(allDates: allDates)
        }
    }

    private var refs: [SnapshotRef] { sources.flatMap { timeline.bySource[$0] ?? [] } }

    private func table(allDates: Bool) -> String {
        var rows: [[String]] = [["Source", "First", "Last", "Snapshots", "Gaps over \(gapDays) days", "Longest gap"]]
        for s in sources {
            let r = timeline.bySource[s] ?? []
            let gaps = timeline.gaps(source: s, longerThan: gapDays)
            let longest = zip(r, r.dropFirst()).max { $0.0.date.days(to: $0.1.date) < $1.0.date.days(to: $1.1.date) }
            rows.append([s, r.first.map { "\($0.date)" } ?? "-", r.last.map { "\($0.date)" } ?? "-", "\(r.count)",
                         gaps.isEmpty ? "none" : "\(gaps.count)",
                         longest.map { "\($0.date.days(to: $1.date)) days (\($0.date)..\($1.date))" } ?? "-"])
        }
        var out = TextTable.render(rows, leftAligned: [0, 1, 2, 5], ruleBeforeLast: false)
        if allDates {
            for s in sources {
                out.append("")
                out.append("\(s):")
                let dates = (timeline.bySource[s] ?? []).map { $0.date.description }
                stride(from: 0, to: dates.count, by: 8).forEach { out.append("  " + dates[$0..<min($0 + 8, dates.count)].joined(separator: " ")) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func json() -> String {
        let items = sources.map { s -> JSONOut in
            let r = timeline.bySource[s] ?? []
            let gaps = timeline.gaps(source: s, longerThan: gapDays).map { JSONOut.array([.string($0.from.description), .string($0.to.description)]) }
            return .object([("source", .string(s)), ("count", .int(r.count)), ("dates", .array(r.map { .string($0.date.description) })),
                            ("gaps", .array(gaps))])
        }
        return JSONOut.object([("sources", .lines(items))]).text + "\n"
    }
}
