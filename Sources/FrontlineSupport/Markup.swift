/// Text for XML and HTML alike (SVG, KML, the report, the embed page, the viewer): the
/// characters that need it, escaped.
public enum Markup {
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension Markup {
    /// True for an http(s) address with a host and no spaces or control characters: the only
    /// links written into a page's `href` (a `javascript:` or `data:` link runs when clicked).
    public static func isWebLink(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }) else { return false }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        let rest = text.drop(while: { $0 != ":" }).dropFirst(3)
        return !(rest.first.map { $0 == "/" || $0 == "?" || $0 == "#" } ?? true)
    }
}
