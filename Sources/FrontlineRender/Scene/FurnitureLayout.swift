import Foundation
import FrontlineGeo

/// Where the title panel, legend (with scale bar), corner table, locator inset and attribution
/// go, and how they are drawn. Each takes, of the corners it may use, the one covering the
/// least data (the `DataMask` of the control fills), in that order of importance; without a
/// mask: title top-left, table and inset top-right, legend bottom-left, attribution bottom-right.
struct FurnitureLayout {
    let f: Furniture
    let unit: Double
    let width: Double
    let height: Double
    let titleFont: Font
    let subtitleFont: Font
    let legendFont: Font
    let smallFont: Font
    private(set) var titleBox: Envelope?
    private(set) var legendBox: Envelope?
    private(set) var attributionBox: Envelope?
    let attributionLines: [String]
    private(set) var tableBox: Envelope?
    private(set) var insetBox: Envelope?
    /// The inset's shapes in device units, once `prepareInset` has projected them.
    var inset: PreparedInset?
    private let margin: Double

    enum Corner { case topLeft, topRight, bottomLeft, bottomRight }

    init(_ f: Furniture, canvas: Canvas, unit: Double, width: Double, height: Double, mask: DataMask? = nil, textFloor: Double = 0) {
        self.f = f
        self.unit = unit
        self.width = width
        self.height = height
        let margin = 12 * unit
        // Legend and subtitle no smaller than map labels; the attribution's small print a little smaller.
        let titleFont = Font(size: max(22 * unit, 1.6 * textFloor), bold: true)
        let subtitleFont = Font(size: max(13 * unit, textFloor))
        let legendFont = Font(size: max(12.5 * unit, textFloor))
        // The small print too is no smaller than the floor (11 px at 96 dpi): a desk reads it.
        let smallFont = Font(size: max(9.5 * unit, textFloor))
        (self.margin, self.titleFont, self.subtitleFont, self.legendFont, self.smallFont) = (margin, titleFont, subtitleFont, legendFont, smallFont)
        attributionLines = FurnitureLayout.wrap(f.attribution, maxWidth: width * 0.6, font: smallFont, canvas: canvas)
        let sizes = FurnitureLayout.sizes(f, canvas: canvas, unit: unit, width: width, titleFont: titleFont, subtitleFont: subtitleFont,
                                          legendFont: legendFont, smallFont: smallFont, attributionLines: attributionLines)
        var taken: [Envelope] = []
        // The attribution's strip along the bottom edge: a panel beside it stands above it.
        let strip = sizes.attribution?.h ?? 0
        // `optional`: a panel the map can do without (the locator) is left out rather than laid
        // over another (an 800x600 change map's inset covered the end of its title).
        func choose(_ size: (w: Double, h: Double)?, _ corners: [Corner], edge: Bool = false, optional: Bool = false) -> Envelope? {
            guard let size else { return nil }
            let m = edge ? 0 : margin
            // A bottom corner at the bottom margin where the attribution is on the other side,
            // else above its strip (a panel lifted by the strip needlessly lay over data).
            let boxes = corners.flatMap { c -> [Envelope] in
                let x = (c == .topLeft || c == .bottomLeft) ? m : width - m - size.w
                let top = c == .topLeft || c == .topRight
                let ys = top ? [m] : (edge || strip == 0 ? [height - m - size.h] : [height - m - size.h, height - m - size.h - strip])
                return ys.map { Envelope(minX: x, minY: $0, maxX: x + size.w, maxY: $0 + size.h) }
            }
            let free = boxes.filter { b in !taken.contains { $0.intersects(b) } }
            if optional && free.isEmpty { return nil }
            let pick = (mask.map { m in free.min { m.coverage($0) < m.coverage($1) } } ?? free.first) ?? boxes[0]
            taken.append(pick)
            return pick
        }
        titleBox = choose(sizes.title, [.topLeft, .topRight])
        attributionBox = choose(sizes.attribution, [.bottomRight, .bottomLeft], edge: true)
        tableBox = choose(sizes.table, [.topRight, .topLeft, .bottomRight])
        legendBox = choose(sizes.legend, [.bottomLeft, .bottomRight, .topLeft, .topRight])
        insetBox = choose(sizes.inset, [.topRight, .bottomRight, .bottomLeft, .topLeft], optional: true)
    }

    /// The sizes of the panels a furniture holds (nil for those it has not).
    private static func sizes(_ f: Furniture, canvas: Canvas, unit: Double, width: Double, titleFont: Font, subtitleFont: Font,
                              legendFont: Font, smallFont: Font, attributionLines: [String])
        -> (title: (w: Double, h: Double)?, table: (w: Double, h: Double)?, legend: (w: Double, h: Double)?,
            inset: (w: Double, h: Double)?, attribution: (w: Double, h: Double)?) {
        let pad = 10 * unit
        var title: (w: Double, h: Double)?, table: (w: Double, h: Double)?, legend: (w: Double, h: Double)?
        var inset: (w: Double, h: Double)?, attribution: (w: Double, h: Double)?
        if !f.title.isEmpty {
            let s = [canvas.measure(f.title, titleFont)] + f.subtitle.map { canvas.measure($0, subtitleFont) }
            title = ((s.map(\.width).max() ?? 0) + 2 * pad, s.reduce(0) { $0 + $1.height } + 2 * pad + 4 * unit)
        }
        if !attributionLines.isEmpty {
            attribution = (attributionLines.map { canvas.measure($0, smallFont).width }.max()! + 12 * unit,
                           Double(attributionLines.count) * canvas.measure("Ag", smallFont).height + 8 * unit)
        }
        if !f.table.isEmpty {
            let labelW = f.table.map { canvas.measure($0.label, legendFont).width }.max()!
            let valueW = f.table.map { canvas.measure($0.value, legendFont).width }.max()!
            let titleW = canvas.measure(f.tableTitle, Font(size: legendFont.size, bold: true)).width
            table = (max(labelW + valueW + 24 * unit, titleW) + 2 * pad, Double(f.table.count + 1) * max(19 * unit, 1.52 * legendFont.size) + 2 * pad)
        }
        let rows = f.legend.count + (f.scaleBar ? 1 : 0)
        if rows > 0 {
            let labelW = f.legend.map { canvas.measure($0.label, legendFont).width }.max() ?? 0
            legend = (max(labelW + 34 * unit, f.scaleBar ? 170 * unit : 0) + 2 * pad, Double(rows) * max(22 * unit, 1.76 * legendFont.size) + 2 * pad + (f.scaleBar ? 6 * unit : 0))
        }
        if let i = f.inset {
            let w = min(230 * unit, width * 0.24)
            inset = (w, w * i.aspect)
        }
        return (title, table, legend, inset, attribution)
    }

    var boxes: [Envelope] { named.map(\.box) }

    /// The panels placed, by name (the QA matrix reports them so).
    var named: [(name: String, box: Envelope)] {
        [("title", titleBox), ("legend", legendBox), ("attribution", attributionBox), ("table", tableBox), ("inset", insetBox)]
            .compactMap { n, b in b.map { (n, $0) } }
    }

    func draw(on canvas: Canvas, viewport: Viewport) throws {
        let pad = 10 * unit
        if let b = titleBox {
            canvas.fillRect(x: b.minX, y: b.minY, width: b.width, height: b.height, f.panel)
            var y = b.minY + pad
            let t = canvas.measure(f.title, titleFont)
            canvas.drawText(f.title, at: Position(b.minX + pad, y + t.ascent), font: titleFont, color: f.text)
            y += t.height + 4 * unit
            for line in f.subtitle {
                let s = canvas.measure(line, subtitleFont)
                canvas.drawText(line, at: Position(b.minX + pad, y + s.ascent), font: subtitleFont, color: f.mutedText)
                y += s.height
            }
        }
        if let b = legendBox {
            canvas.fillRect(x: b.minX, y: b.minY, width: b.width, height: b.height, f.panel)
            var y = b.minY + pad
            for entry in f.legend {
                drawSwatch(entry.swatch, x: b.minX + pad, y: y + 4 * unit, canvas: canvas)
                // A note has no swatch: it reads as a remark, in muted italics, not as a kind of land.
                let isNote: Bool
                if case .note = entry.swatch { isNote = true } else { isNote = false }
                let font = isNote ? Font(size: legendFont.size, italic: true) : legendFont
                let s = canvas.measure(entry.label, font)
                canvas.drawText(entry.label, at: Position(b.minX + pad + (isNote ? 0 : 32 * unit), y + 11 * unit + s.ascent / 2 - s.descent / 2),
                                font: font, color: isNote ? f.mutedText : f.text)
                y += max(22 * unit, 1.76 * legendFont.size)
            }
            if f.scaleBar { try drawScaleBar(x: b.minX + pad, y: y + 6 * unit, maxWidth: b.width - 2 * pad - 40 * unit, canvas: canvas, viewport: viewport) }
        }
        if let b = tableBox {
            canvas.fillRect(x: b.minX, y: b.minY, width: b.width, height: b.height, f.panel)
            let bold = Font(size: legendFont.size, bold: true)
            var y = b.minY + pad
            let t = canvas.measure(f.tableTitle, bold)
            canvas.drawText(f.tableTitle, at: Position(b.minX + pad, y + t.ascent), font: bold, color: f.text)
            y += max(19 * unit, 1.52 * legendFont.size)
            for row in f.table {
                let s = canvas.measure(row.value, legendFont)
                canvas.drawText(row.label, at: Position(b.minX + pad, y + s.ascent), font: legendFont, color: f.text)
                canvas.drawText(row.value, at: Position(b.maxX - pad - s.width, y + s.ascent), font: legendFont, color: row.color ?? f.text)
                y += max(19 * unit, 1.52 * legendFont.size)
            }
        }
        if let b = insetBox, let inset { drawInset(inset, in: b, canvas: canvas) }
        if let b = attributionBox {
            canvas.fillRect(x: b.minX, y: b.minY, width: b.width, height: b.height, f.panel)
            let lh = canvas.measure("Ag", smallFont)
            var y = b.minY + 4 * unit
            for line in attributionLines {
                let w = canvas.measure(line, smallFont).width
                canvas.drawText(line, at: Position(b.maxX - 6 * unit - w, y + lh.ascent), font: smallFont, color: f.mutedText)
                y += lh.height
            }
        }
    }

    private func drawSwatch(_ s: Furniture.Swatch, x: Double, y: Double, canvas: Canvas) {
        let w = 24 * unit, h = 14 * unit
        let box = [Position(x, y), Position(x + w, y), Position(x + w, y + h), Position(x, y + h), Position(x, y)]
        switch s {
        case .fill(let style), .land(let style):
            drawSwatch(.fills([style]), x: x, y: y, canvas: canvas)
        case .note:
            break
        case .fills(let styles):
            canvas.fillRect(x: x, y: y, width: w, height: h, f.underlay)
            for (i, style) in styles.enumerated() {
                canvas.beginPath()
                canvas.addRing(box)
                canvas.fillPath(style.scaled(unit), keep: i == styles.count - 1)
            }
            canvas.strokePath(LineStyle(f.mutedText.withAlpha(0.6), width: 0.6), scale: unit)
        case .line(let style):
            canvas.beginPath()
            canvas.addLine([Position(x, y + h / 2), Position(x + w, y + h / 2)])
            canvas.strokePath(style, scale: unit)
        }
    }

    /// A bar of a round length (1, 2 or 5 × 10ⁿ km) measured geodesically at the map centre.
    private func drawScaleBar(x: Double, y: Double, maxWidth: Double, canvas: Canvas, viewport: Viewport) throws {
        let mpu = try viewport.metresPerUnit(at: Position(width / 2, height / 2))
        guard mpu > 0, mpu.isFinite else { return }
        let maxKm = maxWidth * mpu / 1000
        let magnitude = pow(10, floor(log10(maxKm)))
        let km = [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= maxKm } ?? magnitude
        let len = km * 1000 / mpu
        let h = 5 * unit
        canvas.fillRect(x: x, y: y, width: len, height: h, f.text)
        canvas.fillRect(x: x + len / 2, y: y + unit, width: len / 2 - unit, height: h - 2 * unit, f.panel)
        let label = "\(km >= 1 ? String(Int(km)) : String(km)) \(f.scaleUnit)"
        let s = canvas.measure(label, smallFont)
        canvas.drawText(label, at: Position(x + len + 6 * unit, y + h / 2 + s.ascent / 2 - s.descent / 2), font: smallFont, color: f.text)
    }

    /// Joins attribution items with " · " into lines no wider than `maxWidth`.
    static func wrap(_ items: [String], maxWidth: Double, font: Font, canvas: Canvas) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in items {
            let candidate = current.isEmpty ? item : current + " · " + item
            if !current.isEmpty && canvas.measure(candidate, font).width > maxWidth {
                lines.append(current)
                current = item
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
