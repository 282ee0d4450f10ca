import Foundation
import FrontlineSupport

/// The small name tables under GeoData/sources: a header line, then rows of plain
/// comma-separated fields (no quoting; the names hold no commas), keyed by the first field.
enum CSVTable {
    static func read(_ url: URL, columns: Int = 3) throws -> [String: [String]] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw FrontlineError.missingInput("cannot read \(url.path)")
        }
        var out: [String: [String]] = [:]
        for line in text.split(separator: "\n").dropFirst() where !line.isEmpty {
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard c.count == columns else { throw FrontlineError.badData("\(url.lastPathComponent): bad row '\(line)'") }
            out[c[0]] = Array(c.dropFirst())
        }
        return out
    }
}
