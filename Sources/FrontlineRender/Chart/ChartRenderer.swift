import Foundation
import FrontlineControl
import FrontlineGeo
import FrontlineSupport

/// Time-series charts drawn with the same Cairo canvas as the maps: lines of km² or % per
/// region (or nationally) with gridlines, date and value ticks, labels at the line ends and a
/// rug of the snapshot dates used; or monthly bars of km² gained (up) and lost (down).
///
///     let png = try ChartRenderer(dataset: ds).render(from: a, to: b, options: ChartOptions()).data
public final class ChartRenderer {
    public let dataset: Dataset

    public init(dataset: Dataset) { self.dataset = dataset }

    public struct Options: Sendable {
        public var width = 1200
        public var height = 700
        public var dpi = 96.0
        public var theme = Theme.Name.light
        public var language = Language.english
        public var format = OutputFormat.png
        public var metric = ChartMetric.km2
        public var status = ControlStatus.occupied
        public var regions: [String] = []
        public var source: String?
        public init() {}
    }

    public struct Rendered {
        public let data: Data
        public let chart: ChartData
    }

    public func render(from: DayDate, to: DayDate, options: Options) throws -> Rendered {
        let chart = try dataset.chartData(from: from, to: to, metric: options.metric, status: options.status,
                                          regions: options.regions, source: options.source)
        return Rendered(data: try render(chart, options: options), chart: chart)
    }

    public func render(_ chart: ChartData, options: Options) throws -> Data {
        var size = MapOptions()
        size.width = options.width
        size.height = options.height
        size.dpi = options.dpi
        if let problem = size.problem() { throw FrontlineError.usage(problem) }
        let canvas = try Canvas(format: options.format, width: options.width, height: options.height,
                                title: title(chart, options), metadataDate: chart.to.description)
        try draw(chart, options: options, on: canvas, width: Double(options.width), height: Double(options.height))
        return try canvas.finish()
    }

    func title(_ c: ChartData, _ o: Options) -> String {
        let place = o.regions.isEmpty ? dataset.info.name(o.language) : (o.regions.count == 1 ? (dataset.regions[o.regions[0]]?.name(o.language) ?? o.regions[0]) : "")
        let words = dataset.wording(o.language)
        let label = MapText(words: words).shortStatusLabel(c.status, dataset.info)
        let key: String
        // Land held abroad is no part of the country's area: its titles name the status alone.
        if c.status.isAbroad && c.metric != .frontKm && c.metric != .pct {
            switch c.metric {
            case .change: key = "{status}: change per month, km²"
            case .rate: key = "{status}: net change per day over {days} days, km²"
            default: key = "{status}, km²"
            }
            return words(key, ["status": label, "days": String(ChartData.rateWindowDays)])
        }
        switch c.metric {
        case .km2: key = place.isEmpty ? "{status} area, km²" : "{status} area of {place}, km²"
        case .pct: key = place.isEmpty ? "{status} share, %" : "{status} share of {place}, %"
        case .change: key = place.isEmpty ? "{status} area: change per month, km²" : "{status} area of {place}: change per month, km²"
        case .frontKm: key = place.isEmpty ? "Length of the front line, km" : "Length of the front line in {place}, km"
        case .rate: key = place.isEmpty ? "{status} area: net change per day over {days} days, km²"
            : "{status} area of {place}: net change per day over {days} days, km²"
        }
        return words(key, ["status": label, "place": place, "days": String(ChartData.rateWindowDays)])
    }

    /// Draws the chart into the rectangle (0, 0, width, height) of `canvas`.
    public func draw(_ c: ChartData, options o: Options, on canvas: Canvas, width w: Double, height h: Double) throws {
        let theme = Theme.named(o.theme)
        let text = MapText(words: dataset.wording(o.language))
        let u = o.dpi / 96 * min(1.5, max(0.7, (w * h).squareRoot() / 917))
        canvas.fillRect(x: 0, y: 0, width: w, height: h, theme.panel.withAlpha(1))
        let titleFont = Font(size: 20 * u, bold: true), small = Font(size: 11 * u), tick = Font(size: 11.5 * u)
        canvas.drawText(title(c, o), at: Position(24 * u, 36 * u), font: titleFont, color: theme.text)
        let names = c.sources.map { id in dataset.info.sources.first { $0.id == id }?.name ?? id }.joined(separator: ", ")
        let sub = text.words("{from} – {to} · {sources}, {count} snapshots",
                             ["from": text.date(c.from), "to": text.date(c.to), "sources": names, "count": String(c.snapshotDates.count)])
        canvas.drawText(sub, at: Position(24 * u, 58 * u), font: Font(size: 13 * u), color: theme.mutedText)
        // A chart owes its sources and what it is measured with, not the map's base layers.
        let attribution = dataset.attribution(for: c.sources, figuresOnly: true).map { text.words[$0] }.joined(separator: " · ")
        canvas.drawText(attribution, at: Position(24 * u, h - 12 * u), font: small, color: theme.mutedText)

        let lineLabel = Font(size: 11.5 * u, bold: true)
        let labelWidth = c.lines.map { canvas.measure(endLabel($0, c, text), lineLabel).width }.max() ?? 0
        let plot = Envelope(minX: 84 * u, minY: 84 * u, maxX: w - max(30 * u, labelWidth + 24 * u), maxY: h - 64 * u)
        let values = c.bars.isEmpty ? c.lines.flatMap { $0.points.map(\.value) } : c.bars.flatMap { [$0.gained, -$0.lost] }
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if c.metric.isSigned { lo = min(lo, 0); hi = max(hi, 0) }
        let pad = max(1, (hi - lo) * 0.08)
        // Areas, shares and lengths are drawn from zero: an axis starting at 112,500 made a
        // 0.4-point change look like a surge (the desk's report chart). Signed measures
        // (changes, rates) keep their range, zero included.
        let floor = c.metric.isSigned ? lo - (c.bars.isEmpty ? pad : 0) : 0
        var ticks = ChartAxis.ticks(min: floor, max: hi + (c.bars.isEmpty ? pad : 0), count: 6)
        // The top tick above the data, so the line never runs along the frame's edge unlabelled.
        if ticks.count > 1, let last = ticks.last, last < hi { ticks.append(last + (ticks[1] - ticks[0])) }
        let yMin = min(ticks.first ?? lo, lo), yMax = max(ticks.last ?? hi, hi)
        func y(_ v: Double) -> Double { plot.maxY - (v - yMin) / (yMax - yMin) * plot.height }
        let d0 = Double(c.from.daysSinceEpoch), d1 = Double(c.to.daysSinceEpoch)
        func x(_ d: DayDate) -> Double { plot.minX + (Double(d.daysSinceEpoch) - d0) / max(1, d1 - d0) * plot.width }

        // Gridlines and value ticks.
        for t in ticks {
            canvas.beginPath()
            canvas.addLine([Position(plot.minX, y(t)), Position(plot.maxX, y(t))])
            canvas.strokePath(LineStyle(theme.mutedText.withAlpha(t == 0 && c.metric.isSigned ? 0.8 : 0.18), width: 1), scale: u)
            let label = c.metric == .pct || (c.metric == .rate && ticks.count > 1 && ticks[1] - ticks[0] < 1)
                ? String(format: "%.1f", t).replacingOccurrences(of: "-", with: "−") : (t < 0 ? "−" : "") + text.integer(abs(t))
            let s = canvas.measure(label, tick)
            canvas.drawText(label, at: Position(plot.minX - 8 * u - s.width, y(t) + s.ascent / 2 - s.descent / 2), font: tick, color: theme.mutedText)
        }
        // Date ticks.
        let dateTicks = ChartAxis.monthTicks(from: c.from, to: c.to, maxCount: Int(plot.width / (70 * u)))
        for d in dateTicks {
            canvas.beginPath()
            canvas.addLine([Position(x(d), plot.maxY), Position(x(d), plot.maxY + 5 * u)])
            canvas.strokePath(LineStyle(theme.mutedText, width: 1), scale: u)
            let comps = d.components
            let label = comps.month == 1 || d == dateTicks.first ? "\(text.words.shortMonths[comps.month - 1]) \(comps.year)" : text.words.shortMonths[comps.month - 1]
            let s = canvas.measure(label, tick)
            canvas.drawText(label, at: Position(x(d) - s.width / 2, plot.maxY + 8 * u + s.ascent), font: tick, color: theme.mutedText)
        }
        // Rug: the snapshot dates the figures come from.
        canvas.beginPath()
        for d in c.snapshotDates where d >= c.from && d <= c.to {
            canvas.addLine([Position(x(d), plot.maxY - 4 * u), Position(x(d), plot.maxY)])
        }
        canvas.strokePath(LineStyle(theme.mutedText.withAlpha(0.5), width: 0.8), scale: u)

        drawSwitches(c, canvas: canvas, plot: plot, x: x, theme: theme, font: small, u: u)
        if c.bars.isEmpty {
            let palette = lineColors(theme, count: c.lines.count, status: c.status)
            for (line, color) in zip(c.lines, palette) {
                canvas.beginPath()
                canvas.addLine(line.points.map { Position(x($0.date), y($0.value)) })
                canvas.strokePath(LineStyle(color, width: 2.2), scale: u)
                if let last = line.points.last {
                    let label = endLabel(line, c, text)
                    let s = canvas.measure(label, tick)
                    canvas.drawText(label, at: Position(plot.maxX + 6 * u, y(last.value) + s.ascent / 2 - s.descent / 2),
                                    font: lineLabel, color: color)
                }
            }
        } else {
            for bar in c.bars {
                let x0 = x(bar.start) + 1.5 * u, x1 = x(bar.end) - 1.5 * u
                // Part of a month is lighter, and said so in the key: its km² are not a month's.
                let alpha = bar.isPartial ? 0.4 : 1
                canvas.fillRect(x: x0, y: y(bar.gained), width: max(1, x1 - x0), height: y(0) - y(bar.gained), theme.gained.color.withAlpha(alpha))
                canvas.fillRect(x: x0, y: y(0), width: max(1, x1 - x0), height: y(-bar.lost) - y(0), theme.lost.color.withAlpha(alpha))
            }
            drawBarKey(c, text, theme: theme, canvas: canvas, plot: plot, font: tick, u: u)
        }
    }

    /// The key of the bars' two colours, at the plot's top right (the desk found none).
    private func drawBarKey(_ c: ChartData, _ text: MapText, theme: Theme, canvas: Canvas, plot: Envelope, font: Font, u: Double) {
        let words = text.words
        let rows = c.status == .occupied ? [(words["Newly occupied"], theme.gained), (words["Freed"], theme.lost)]
            : [(words["Gained"], theme.gained), (words["Lost"], theme.lost)]
        let box = 11 * u, gap = 6 * u
        var xRight = plot.maxX
        for (label, style) in rows.reversed() {
            let s = canvas.measure(label, font)
            let x0 = xRight - s.width - box - gap
            canvas.fillRect(x: x0, y: plot.minY + 2 * u, width: box, height: box, style.color.withAlpha(1))
            canvas.drawText(label, at: Position(x0 + box + gap / 2, plot.minY + 2 * u + box - 1.5 * u), font: font, color: theme.text)
            xRight = x0 - 3 * gap
        }
        if c.bars.contains(where: \.isPartial) {
            let note = words["Lighter bars: part of a month"]
            let s = canvas.measure(note, font)
            canvas.drawText(note, at: Position(plot.maxX - s.width, plot.minY + 2 * u + box + gap + s.ascent), font: font, color: theme.mutedText)
        }
    }

    /// A dashed line where the figures pass to another source, named at its top: the two
    /// archives differ by hundreds of km² on the same day, so a step there is not the front.
    private func drawSwitches(_ c: ChartData, canvas: Canvas, plot: Envelope, x: (DayDate) -> Double, theme: Theme, font: Font, u: Double) {
        for sw in c.switches where sw.date > c.from && sw.date <= c.to {
            let px = x(sw.date)
            var line = LineStyle(theme.mutedText.withAlpha(0.7), width: 1)
            line.dash = [4, 3]
            canvas.beginPath()
            canvas.addLine([Position(px, plot.minY), Position(px, plot.maxY)])
            canvas.strokePath(line, scale: u)
            let name = dataset.info.sources.first { $0.id == sw.source }?.name ?? sw.source
            canvas.drawText("→ " + name, at: Position(px + 4 * u, plot.minY + 12 * u), font: font, color: theme.mutedText)
        }
    }

    /// What stands at a line's end: its name where lines are compared; a lone line's title
    /// already names it, so its last value stands there ("114,848"), not the country's name
    /// beside a line that is not the country.
    private func endLabel(_ line: ChartData.Line, _ c: ChartData, _ text: MapText) -> String {
        guard c.lines.count == 1, let v = line.points.last?.value else { return line.name }
        switch c.metric {
        case .pct: return text.percent(v)
        case .rate, .change: return text.words.localized(String(format: "%+.1f", v)).replacingOccurrences(of: "-", with: "−")
        case .km2, .frontKm: return text.integer(v)
        }
    }

    private func lineColors(_ theme: Theme, count: Int, status: ControlStatus) -> [RGBA] {
        // One line takes its status's colour (land held abroad is the defender's, not red).
        if count == 1 {
            // A pale fill (liberated lime) is too faint as a 2-px line on the chart's panel: darkened.
            let c = theme.fill(status).color
            let light = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b > 0.6
            return [light ? RGBA(c.r * 0.6, c.g * 0.6, c.b * 0.6, 1) : c.withAlpha(1)]
        }
        // Okabe-Ito: distinct for every common form of colour blindness.
        let okabe = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"].map { RGBA(hex: $0) }
        return (0..<count).map { okabe[$0 % okabe.count] }
    }

}
