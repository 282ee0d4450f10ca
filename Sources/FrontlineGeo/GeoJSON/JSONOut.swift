import Foundation

/// A JSON document to write, members in the order given: every JSON output of Frontline
/// (stats, diff, snapshots, tile metadata) is built as one of these and written by `text`,
/// so each string is escaped and no output is put together by hand.
public indirect enum JSONOut {
    case object([(String, JSONOut)])
    case array([JSONOut])
    /// An array written one element a line (`[\n a,\n b\n]`): long lists stay diffable.
    case lines([JSONOut])
    case string(String)
    /// A number with exactly `decimals` decimals (`%.1f`): km² and shares have fixed precision.
    case fixed(Double, decimals: Int)
    /// A number in Swift's shortest round-trip form (`0.0015`).
    case double(Double)
    case int(Int)
    case bool(Bool)
    case null

    /// The document as compact JSON text (no trailing newline).
    public var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (n, (key, value)) in members.enumerated() {
                if n > 0 { out += "," }
                JSONText.string(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        case .array(let items): JSONOut.write(items, open: "[", separator: ",", close: "]", into: &out)
        case .lines(let items): JSONOut.write(items, open: "[\n", separator: ",\n", close: "\n]", into: &out)
        case .string(let s): JSONText.string(s, into: &out)
        case .fixed(let d, let decimals): out += d.isFinite ? String(format: "%.\(decimals)f", d) : "null"
        case .double(let d): out += d.isFinite ? "\(d)" : "null"
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func write(_ items: [JSONOut], open: String, separator: String, close: String, into out: inout String) {
        out += open
        for (n, item) in items.enumerated() {
            if n > 0 { out += separator }
            item.write(into: &out)
        }
        out += close
    }
}
