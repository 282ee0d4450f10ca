/// Text for XML and HTML alike (SVG, KML, the report, the embed page, the viewer): the
/// characters that need it, escaped.
public enum Markup {
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
