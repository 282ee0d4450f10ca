import Foundation
/// Aligns rows of cells into columns: text columns left-aligned, numbers right-aligned,
/// a rule under the header (and, optionally, above the last row: the total).
enum TextTable {
    static func render(_ rows: [[String]], leftAligned: Set<Int>, ruleBeforeLast: Bool) -> [String] {
        guard let header = rows.first else { return [] }
        let widths = header.indices.map { c in rows.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return leftAligned.contains(c) ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        var out = [line(header), rule]
        for (i, row) in rows.enumerated().dropFirst() {
            if ruleBeforeLast && i == rows.count - 1 { out.append(rule) }
            out.append(line(row))
        }
        return out
    }
}
