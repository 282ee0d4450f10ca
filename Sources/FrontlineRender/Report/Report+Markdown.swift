import Foundation
import FrontlineControl

extension Report {
    /// Markdown with the images written as files beside it: returns the text and the files
    /// (relative path → bytes). Links are relative (`images/map.png`), so the report renders
    /// on GitHub or in a static site.
    public func markdown(imageFolder: String = "images") -> (text: String, files: [(path: String, data: Data)]) {
        let t = ReportText(words: words)
        let files = [("\(imageFolder)/map.png", mapPNG), ("\(imageFolder)/change.png", changeMapPNG), ("\(imageFolder)/chart.png", chartPNG)]
        var o = "# \(title)\n\n> \(summary)\n\n"
        o += "## \(t.mapAt) \(MapText(words: words).date(to))\n\n![\(t.mapAlt)](\(files[0].0))\n\n"
        o += "## \(t.changeMap)\n\n![\(t.changeAlt)](\(files[1].0))\n\n"
        o += "## \(t.byRegion)\n\n"
        let header = tableHeader(t)
        o += "| " + header.joined(separator: " | ") + " |\n"
        o += "|" + header.enumerated().map { $0.offset == 0 ? "---" : "---:" }.joined(separator: "|") + "|\n"
        for row in tableRows() {
            o += "| " + row.cells.map { row.total ? "**\($0)**" : $0 }.joined(separator: " | ") + " |\n"
        }
        o += "\n## \(t.overTime)\n\n![\(t.chartAlt)](\(files[2].0))\n\n"
        o += "## \(t.sources)\n\n" + sources.map { "- \($0)\n" }.joined() + "\n\(snapshotLine(t))\n\n"
        o += "## \(t.method)\n\n" + methodNotes.map { "- \($0)\n" }.joined() + "\n_\(t.madeWith)_\n"
        return (o, files)
    }
}
