import Foundation
import FrontlineSupport

/// Cairo writes SVG text as glyph outlines: exact to the pixel, but invisible to search,
/// copy-and-paste and screen readers. This adds what they need: a `<title>` and a transparent
/// layer of real `<text>` elements placed over the drawn glyphs.
enum SVGTextLayer {
    static func add(to svg: Data, title: String, texts: [(text: String, origin: (x: Double, y: Double), font: Font)]) -> Data {
        guard var doc = String(data: svg, encoding: .utf8), let open = doc.range(of: "<svg"),
              let openEnd = doc.range(of: ">", range: open.upperBound..<doc.endIndex),
              let close = doc.range(of: "</svg>", options: .backwards) else { return svg }
        var layer = "<g id=\"text-layer\" fill-opacity=\"0\" stroke=\"none\">\n"
        for t in texts {
            layer += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-family=\"%@\" font-size=\"%.1f\"", t.origin.x, t.origin.y,
                            escape(t.font.family), t.font.size)
            if t.font.bold { layer += " font-weight=\"bold\"" }
            if t.font.italic { layer += " font-style=\"italic\"" }
            layer += ">\(escape(t.text))</text>\n"
        }
        layer += "</g>\n"
        doc.replaceSubrange(close, with: layer + "</svg>")
        if !title.isEmpty { doc.insert(contentsOf: "\n<title>\(escape(title))</title>", at: openEnd.upperBound) }
        return Data(renumberSurfaces(doc).utf8)
    }

    /// Cairo names SVG groups after a process-wide surface counter ("surface6" for the sixth
    /// surface the process made). Renumbered in order of appearance, the same map gives the
    /// same bytes however many maps the process drew before it.
    static func renumberSurfaces(_ doc: String) -> String {
        // Only ids and references: a title that says "surface12" stays as it is.
        guard let re = try? NSRegularExpression(pattern: "(id=\"|#)surface([0-9]+)") else { return doc }
        let ns = doc as NSString
        var numbers: [String: Int] = [:]
        var out = ""
        var last = 0
        for m in re.matches(in: doc, range: NSRange(location: 0, length: ns.length)) {
            let old = ns.substring(with: m.range(at: 2))
            let new = numbers[old] ?? (numbers.count + 1)
            numbers[old] = new
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
                + ns.substring(with: m.range(at: 1)) + "surface\(new)"
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
