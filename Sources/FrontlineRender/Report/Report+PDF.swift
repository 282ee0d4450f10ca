import Foundation
import FrontlineControl
import FrontlineGeo

extension Report {
    /// Multi-page A4 from Cairo's PDF surface, maps and chart as vectors: page 1 the title,
    /// summary and map; page 2 the change map and the table; page 3 the chart, sources and
    /// method.
    public func pdf() throws -> Data {
        let pageW = 595.0, pageH = 842.0, margin = 40.0
        let canvas = try Canvas(format: .pdf, width: Int(pageW), height: Int(pageH), title: title, metadataDate: to.description)
        let t = ReportText(words: words)
        let bodyW = pageW - 2 * margin
        var y = margin

        y = paragraph(title, font: Font(size: 17, bold: true), y: y + 6, width: bodyW, on: canvas)
        y = paragraph(summary, font: Font(size: 11), y: y + 6, width: bodyW, on: canvas)
        y = paragraph("\(t.mapAt) \(MapText(words: words).date(to))", font: Font(size: 13, bold: true), y: y + 12, width: bodyW, on: canvas)
        try drawMap(on: canvas, at: Position(margin, y + 6), width: bodyW, height: bodyW * 0.75, change: false)

        canvas.newPage()
        y = paragraph(t.changeMap, font: Font(size: 13, bold: true), y: margin, width: bodyW, on: canvas)
        try drawMap(on: canvas, at: Position(margin, y + 6), width: bodyW, height: bodyW * 0.75, change: true)
        y += 12 + bodyW * 0.75
        y = paragraph(t.byRegion, font: Font(size: 13, bold: true), y: y + 12, width: bodyW, on: canvas)
        y = table(on: canvas, y: y + 4, x: margin, width: bodyW)

        canvas.newPage()
        y = paragraph(t.overTime, font: Font(size: 13, bold: true), y: margin, width: bodyW, on: canvas)
        canvas.save()
        canvas.translate(x: margin, y: y + 6)
        try ChartRenderer(dataset: inputs.dataset).draw(inputs.chart, options: inputs.chartOptions, on: canvas, width: bodyW, height: bodyW * 0.55)
        canvas.restore()
        y += 18 + bodyW * 0.55
        y = paragraph(t.sources, font: Font(size: 13, bold: true), y: y + 8, width: bodyW, on: canvas)
        for s in sources { y = paragraph("• " + s, font: Font(size: 10), y: y + 2, width: bodyW, on: canvas) }
        y = paragraph(snapshotLine(t), font: Font(size: 9.5), y: y + 4, width: bodyW, on: canvas)
        y = paragraph(t.method, font: Font(size: 13, bold: true), y: y + 10, width: bodyW, on: canvas)
        for n in methodNotes { y = paragraph("• " + n, font: Font(size: 10), y: y + 2, width: bodyW, on: canvas) }
        _ = paragraph(t.madeWith, font: Font(size: 9, italic: true), y: y + 8, width: bodyW, on: canvas)
        return try canvas.finish()
    }

    private func drawMap(on canvas: Canvas, at origin: Position, width: Double, height: Double, change: Bool) throws {
        // Laid out at twice the size and drawn at half scale: the same proportions of text to
        // map as the report's pictures.
        let k = 0.5
        var o = inputs.mapOptions
        o.width = Int(width / k)
        o.height = Int(height / k)
        o.format = .pdf
        let composer = MapComposer(dataset: inputs.dataset, base: inputs.base, options: o)
        let scene = change ? try DiffComposer(map: composer).scene(inputs.change.changes, inputs.change.geometry, inputs.change.toGeometry)
                           : try composer.scene(state: inputs.state, geometry: inputs.geometry)
        canvas.save()
        canvas.translate(x: origin.x, y: origin.y)
        canvas.scale(k)
        try SceneRenderer.draw(scene, on: canvas)
        canvas.restore()
    }

    /// Draws wrapped text starting at `y` (top); returns the y below it.
    private func paragraph(_ text: String, font: Font, y: Double, width: Double, on canvas: Canvas) -> Double {
        let lh = canvas.measure("Ag", font).height * 1.15
        var line = "", top = y
        func flush() {
            canvas.drawText(line, at: Position(40, top + canvas.measure(line, font).ascent), font: font, color: RGBA(0.12, 0.12, 0.12))
            top += lh
        }
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && canvas.measure(candidate, font).width > width { flush(); line = String(word) } else { line = candidate }
        }
        if !line.isEmpty { flush() }
        return top
    }

    private func table(on canvas: Canvas, y: Double, x: Double, width: Double) -> Double {
        let t = ReportText(words: words)
        let font = Font(size: 9), bold = Font(size: 9, bold: true), header = Font(size: 7.5, bold: true)
        let cols = [0.24, 0.15, 0.08, 0.15, 0.08, 0.15, 0.15].map { $0 * width }
        var top = y
        func row(_ cells: [String], _ f: Font) {
            var cx = x
            for (i, c) in cells.enumerated() {
                let w = canvas.measure(c, f).width
                let tx = i == 0 ? cx : cx + cols[i] - w - 4
                canvas.drawText(c, at: Position(tx, top + 10), font: f, color: RGBA(0.12, 0.12, 0.12))
                cx += cols[i]
            }
            top += 14
        }
        row(tableHeader(t), header)
        for r in tableRows() { row(r.cells, r.total ? bold : font) }
        return top
    }
}
