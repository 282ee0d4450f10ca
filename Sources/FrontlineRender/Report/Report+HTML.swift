import Foundation
import FrontlineControl
import FrontlineSupport

extension Report {
    /// One self-contained file: images as data URIs, inline CSS, no scripts, nothing fetched.
    public func html() -> String {
        html(image: { data, _ in "data:image/png;base64," + data.base64EncodedString() })
    }

    /// The same page with images referenced by `image` (the Markdown writer does not use this).
    func html(image: (Data, String) -> String) -> String {
        let t = ReportText(words: words)
        var o = """
        <!DOCTYPE html>
        <html lang="\(words.language.code)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title))</title>
        <style>
        body{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;color:#1f1f1f;max-width:980px;margin:0 auto;padding:16px;line-height:1.45}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
        .summary{font-size:1.1em;background:#f6f4ef;padding:10px 14px;border-left:4px solid #b3261e}
        img{width:100%;height:auto;border:1px solid #ddd}
        .table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92em}
        th,td{padding:4px 8px;border-bottom:1px solid #e4e4e4;text-align:right;white-space:nowrap}
        th:first-child,td:first-child{text-align:left}tr.total td{font-weight:bold;border-top:2px solid #999}
        .up{color:#b3261e}.down{color:#1c6fd1}small,.notes{color:#555}
        @media print{body{max-width:none}h2{break-after:avoid}img{break-inside:avoid}}
        </style></head><body>
        <h1>\(esc(title))</h1>
        <p class="summary">\(esc(summary))</p>
        <h2>\(t.mapAt) \(esc(MapText(words: words).date(to)))</h2>
        <img src="\(image(mapPNG, "map.png"))" alt="\(esc(t.mapAlt))">
        <h2>\(t.changeMap)</h2>
        <img src="\(image(changeMapPNG, "change.png"))" alt="\(esc(t.changeAlt))">
        <h2>\(t.byRegion)</h2>
        <div class="table"><table>
        <tr>\(tableHeader(t).map { "<th>\(esc($0))</th>" }.joined())</tr>

        """
        for row in tableRows() {
            o += "<tr\(row.total ? " class=\"total\"" : "")>" + row.cells.enumerated().map { i, c in
                let cls = i == 5 ? (c.hasPrefix("+") ? " class=\"up\"" : c.hasPrefix("−") ? " class=\"down\"" : "") : ""
                return "<td\(cls)>\(esc(c))</td>"
            }.joined() + "</tr>\n"
        }
        o += """
        </table></div>
        <h2>\(t.overTime)</h2>
        <img src="\(image(chartPNG, "chart.png"))" alt="\(esc(t.chartAlt))">
        <h2>\(t.sources)</h2>
        <ul>\(sources.map { "<li>\(esc($0))</li>" }.joined())</ul>
        <p><small>\(esc(snapshotLine(t)))</small></p>
        <h2>\(t.method)</h2>
        <ul class="notes">\(methodNotes.map { "<li>\(esc($0))</li>" }.joined())</ul>
        <p><small>\(esc(t.madeWith))</small></p>
        </body></html>

        """
        return o
    }

    func tableHeader(_ t: ReportText) -> [String] {
        [t.region, "\(t.km2) \(shortDate(from))", "%", "\(t.km2) \(shortDate(to))", "%", t.changeKm2, t.changePP]
    }

    /// Per region: km² and % at both dates, net change and pp; then the total.
    func tableRows() -> [(cells: [String], total: Bool)] {
        let s = changes.statuses.first ?? .occupied
        let text = MapText(words: words)
        func cells(_ name: String, _ x: StatusChange) -> [String] {
            let net = x.netKm2
            let netText = abs(net) < 0.05 ? "0" : (net > 0 ? "+" : "−") + text.changeAmount(abs(net))
            // One minus sign throughout (U+2212, as the km² column has), decimals as the language writes them.
            let points = abs(x.changePoints) < 0.005 ? "0.00" : String(format: "%+.2f", x.changePoints).replacingOccurrences(of: "-", with: "−")
            return [name, text.integer(x.fromKm2), text.words.localized(String(format: "%.1f", x.fromPercent)), text.integer(x.toKm2),
                    text.words.localized(String(format: "%.1f", x.toPercent)), netText, text.words.localized(points)]
        }
        let total = changes.national(s)
        return rows.map { (cells($0.names(words.language), $0.change(s)), false) }
            + [(cells(words["Total"], total), true)]
    }

    func snapshotLine(_ t: ReportText) -> String {
        "\(t.snapshots): \(changes.from.source) \(changes.from.snapshotDate) → \(changes.to.source) \(changes.to.snapshotDate); "
            + "\(t.chartUses) \(snapshotDates.count) (\(snapshotDates.first.map { "\($0)" } ?? "–") … \(snapshotDates.last.map { "\($0)" } ?? "–"))."
    }

    func shortDate(_ d: DayDate) -> String {
        let c = d.components
        return String(format: "%02d.%02d.%04d", c.day, c.month, c.year)
    }

    func esc(_ s: String) -> String { Markup.escape(s) }
}

/// The report's fixed words, in the report's language.
struct ReportText {
    let words: Wording
    private func w(_ en: String) -> String { words[en] }
    var mapAt: String { w("Control on") }
    var mapAlt: String { w("Map of territorial control") }
    var changeMap: String { w("What changed") }
    var changeAlt: String { w("Map of the change in control") }
    var byRegion: String { w("Control by region") }
    var overTime: String { w("Over time") }
    var chartAlt: String { w("Chart of the occupied area over time") }
    var sources: String { w("Sources") }
    var method: String { w("Method") }
    var region: String { w("Region") }
    var km2: String { w("km²") }
    var changeKm2: String { w("Change, km²") }
    var changePP: String { w("Change, pp") }
    var snapshots: String { w("Snapshots compared") }
    var chartUses: String { w("the chart uses") }
    var madeWith: String { w("Made with Frontline from the data named above.") }
}
