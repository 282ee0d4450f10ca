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

extension CSVTable {
    /// Rows of an RFC 4180 file (fields in double quotes may hold commas and doubled quotes),
    /// the header row first. Line ends inside quotes are not supported: a row is one line.
    static func rows(_ text: String) throws -> [[String]] {
        try text.split(whereSeparator: \.isNewline).enumerated().map { n, line in
            var fields: [String] = [], field = "", quoted = false, wasQuoted = false
            var chars = line.makeIterator()
            while let c = chars.next() {
                if quoted {
                    if c == "\"" {
                        // A doubled quote is a quote; a single one ends the field's quoted part.
                        var peek = chars
                        if peek.next() == "\"" { field.append("\""); chars = peek } else { quoted = false }
                    } else { field.append(c) }
                } else if c == "," {
                    fields.append(field); field = ""; wasQuoted = false
                } else if c == "\"" && field.isEmpty && !wasQuoted {
                    quoted = true; wasQuoted = true
                } else if c != "\r" {
                    field.append(c)
                }
            }
            guard !quoted else { throw FrontlineError.badData("line \(n + 1): a quoted field is not closed") }
            fields.append(field)
            return fields
        }
    }
}
