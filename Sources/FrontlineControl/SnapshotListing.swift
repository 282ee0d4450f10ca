import FrontlineGeo

/// The text of `frontline snapshots`: per source the first and last date, the count and the
/// gaps longer than a week; optionally every date.
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
        var rows: [[String]] = [["Source", "First", "Last", "Snapshots", "Gaps over \(gapDays) days"]]
        for s in sources {
            let r = timeline.bySource[s] ?? []
            let gaps = timeline.gaps(source: s, longerThan: gapDays)
            rows.append([s, r.first.map { "\($0.date)" } ?? "-", r.last.map { "\($0.date)" } ?? "-", "\(r.count)",
                         gaps.isEmpty ? "none" : gaps.map { "\($0.from)..\($0.to)" }.joined(separator: " ")])
        }
        var out = TextTable.render(rows, leftAligned: [0, 1, 2, 4], ruleBeforeLast: false)
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
        let items = sources.map { s -> String in
            let r = timeline.bySource[s] ?? []
            let gaps = timeline.gaps(source: s, longerThan: gapDays).map { "[\"\($0.from)\",\"\($0.to)\"]" }
            return "{\"source\":\(JSONText.string(s)),\"count\":\(r.count),\"dates\":[\(r.map { "\"\($0.date)\"" }.joined(separator: ","))],\"gaps\":[\(gaps.joined(separator: ","))]}"
        }
        return "{\"sources\":[\n" + items.joined(separator: ",\n") + "\n]}\n"
    }
}
