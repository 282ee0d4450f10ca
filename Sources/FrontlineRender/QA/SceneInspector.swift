import Foundation
import FrontlineControl
import FrontlineGeo

/// The QA matrix's checks of one prepared picture: texts inside the frame, large enough and
/// apart; no name on the front line; panels off the data where a free corner exists; a
/// legend of exactly what is drawn, in colours every reader tells apart and from the water;
/// the towns near the front named largest first; a region's share on held land; the base map
/// under the whole frame. Each rule is measured on what the renderer placed.
struct SceneInspector {
    let prepared: PreparedScene
    let hints: InspectionHints
    /// Every text painted (map labels and the panels' words), with its box.
    let texts: [(text: String, box: Envelope, size: Double, isLabel: Bool, bold: Bool, leadsFrom: Position?)]
    let mask: DataMask?
    let front: SegmentIndex

    init(_ p: PreparedScene, hints: InspectionHints) throws {
        prepared = p
        self.hints = hints
        let canvas = try Canvas(format: .png, width: 1, height: 1)
        try SceneRenderer.paint(p, on: canvas)
        let labels = Set(p.texts.map { "\($0.text)|\($0.origin.x)|\($0.origin.y)" })
        let leaders = Dictionary(p.texts.compactMap { t in t.leader.map { ("\(t.text)|\(t.origin.x)|\(t.origin.y)", $0.from) } }, uniquingKeysWith: { a, _ in a })
        texts = canvas.texts.map { t in
            let size = canvas.measure(t.text, t.font)
            let box = Envelope(minX: t.origin.x, minY: t.origin.y - size.ascent, maxX: t.origin.x + size.width, maxY: t.origin.y + size.descent)
            let key = "\(t.text)|\(t.origin.x)|\(t.origin.y)"
            return (t.text, box, t.font.size, labels.contains(key), t.font.bold, leaders[key])
        }
        mask = try SceneRenderer.dataMask(p.scene, Self.projectedFills(p))
        if let vp = p.viewport {
            var index = SegmentIndex()
            for l in p.scene.layers where l.layer == .front {
                if case .strokeInside(let lines, _, _) = l.drawing { index.insert(lines: try lines.map { try vp.device($0) }, halfWidth: 0) }
            }
            front = index
        } else { front = SegmentIndex() }
    }

    /// The data layers' fills in device units, as the renderer's mask is made from them.
    private static func projectedFills(_ p: PreparedScene) throws -> [(PreparedScene.Layer?, [Envelope])] {
        guard let vp = p.viewport else { return [] }
        return try p.scene.layers.map { l in
            guard l.layer.holdsData, case .fill(let polygons, let style, _) = l.drawing else { return (nil, []) }
            return (.fill(rings: try polygons.flatMap { try $0.map { try vp.device($0) } }, style: style, outline: nil), [])
        }
    }

    func inspect() -> MapInspection {
        var r = MapInspection()
        checkTexts(&r)
        checkFront(&r)
        checkPanels(&r)
        checkLegend(&r)
        checkTowns(&r)
        checkShares(&r)
        checkBase(&r)
        r.facts.append(("labels", Double(texts.filter(\.isLabel).count)))
        return r
    }

    func checkTexts(_ r: inout MapInspection) {
        let s = prepared.scene
        let frame = Envelope(minX: -1, minY: -1, maxX: s.width + 1, maxY: s.height + 1)
        for t in texts {
            if !frame.contains(t.box) { r.fail("text-outside", "\"\(t.text)\" runs out of the picture") }
            if t.size < hints.textFloor - 0.01 {
                r.fail("text-small", String(format: "\"%@\" is %.1f px (at least %.1f)", t.text, t.size, hints.textFloor))
            }
        }
        let labels = texts.filter(\.isLabel)
        for i in labels.indices { for j in labels.indices where j > i {
            let a = labels[i].box.expanded(by: -0.5), b = labels[j].box.expanded(by: -0.5)
            if a.intersects(b) { r.fail("text-overlap", "\"\(labels[i].text)\" and \"\(labels[j].text)\" overlap") }
        } }
        let panels = prepared.furniture?.boxes ?? []
        for t in labels where panels.contains(where: { $0.intersects(t.box.expanded(by: -0.5)) }) {
            r.fail("label-under-panel", "\"\(t.text)\" lies under a panel")
        }
    }

    func checkFront(_ r: inout MapInspection) {
        for t in texts where t.isLabel {
            let box = t.box.expanded(by: -1)
            if front.crosses(box) {
                r.fail("label-on-front", "\"\(t.text)\" lies on the front line")
            }
        }
    }

    func checkPanels(_ r: inout MapInspection) {
        guard let f = prepared.furniture else { return }
        let present = f.named
        for i in present.indices { for j in present.indices where j > i && present[i].1.expanded(by: -0.5).intersects(present[j].1) {
            r.fail("panels-overlap", "the \(present[i].0) and the \(present[j].0) overlap")
        } }
        checkPanelsOverData(&r)
    }

    func checkPanelsOverData(_ r: inout MapInspection) {
        guard let mask, let f = prepared.furniture else { return }
        let s = prepared.scene
        let all = f.boxes
        // The attribution is small print along an edge: it may lie over data.
        for (name, box) in f.named where name != "attribution" {
            guard mask.coverage(box) > 0 else { continue }
            let cells = Double(max(1, Int(box.width / DataMask.cell) * Int(box.height / DataMask.cell)))
            let share = Double(mask.coverage(box)) / cells
            r.facts.append(("\(name) over data", share))
            // Another corner for the same panel, clear of the other panels.
            let m = 12 * s.unit
            let corners = [(m, m), (s.width - m - box.width, m), (m, s.height - m - box.height), (s.width - m - box.width, s.height - m - box.height)]
                .map { Envelope(minX: $0.0, minY: $0.1, maxX: $0.0 + box.width, maxY: $0.1 + box.height) }
                .filter { c in !all.contains { $0 != box && $0.intersects(c) } }
            if let free = corners.first(where: { mask.coverage($0) == 0 }) {
                r.fail("panel-over-data", String(format: "the %@ covers %.1f %% data while the corner at %.0f,%.0f is free", name, 100 * share, free.minX, free.minY))
            }
        }
    }

    func checkLegend(_ r: inout MapInspection) {
        guard let f = prepared.furniture?.f else { return }
        let labels = f.legend.map(\.label)
        for l in Set(labels) where labels.filter({ $0 == l }).count > 1 { r.fail("legend-duplicate", "\"\(l)\" is in the legend twice") }
        // A swatch's colour over the land, and whether it is hatched (only swatches alike in
        // that are compared). A hatched swatch is seen as its fill darkened by the share of it
        // the lines cover (width over spacing): two hatches of one fill but different density
        // read apart.
        func seen(_ style: FillStyle, over base: RGBA) -> RGBA {
            let filled = style.color.over(base)
            guard let h = style.hatch else { return filled }
            var line = h.color
            line.a *= min(1, h.width / h.spacing)
            return line.over(filled)
        }
        func colour(_ s: Furniture.Swatch) -> (color: RGBA, hatched: Bool)? {
            switch s {
            case .fill(let style), .land(let style): return (seen(style, over: hints.land), style.hatch != nil)
            case .fills(let styles): return (styles.reduce(hints.land) { seen($1, over: $0) }, styles.contains { $0.hatch != nil })
            case .line, .note: return nil
            }
        }
        struct Row { let label: String; let color: RGBA; let hatched: Bool; let isLand: Bool }
        let swatches = f.legend.compactMap { row -> Row? in
            guard let c = colour(row.swatch) else { return nil }
            if case .land = row.swatch { return Row(label: row.label, color: c.color, hatched: c.hatched, isLand: true) }
            return Row(label: row.label, color: c.color, hatched: c.hatched, isLand: false)
        }
        let normal = ColourVision.normal
        // Only the row of the country's own land may look like the land.
        for row in swatches where !row.isLand && !row.hatched && normal.deltaE(row.color, hints.land) < 3 {
            r.fail("legend-land-swatch", "\"\(row.label)\" has a swatch the colour of the land")
        }
        // Every data layer drawn has its row.
        let drawn = prepared.scene.layers.filter { $0.layer.holdsData && !$0.isEmpty }
        for l in drawn {
            guard case .fill(_, let style, _) = l.drawing else { continue }
            let c = seen(style, over: hints.land)
            if !swatches.contains(where: { normal.deltaE($0.color, c) < 2 }) { r.fail("legend-missing", "\(l.layer.id) is drawn but has no legend row") }
        }
        for v in ColourVision.allCases {
            for (i, a) in swatches.enumerated() {
                // The country's land meets the water at a drawn coast; the statuses must not look like it.
                if !a.isLand && !a.hatched && v.deltaE(a.color, hints.water) < ColourVision.distinctDeltaE {
                    r.fail("colour-like-water", String(format: "\"%@\" looks like water under %@ (ΔE %.1f)", a.label, v.rawValue, v.deltaE(a.color, hints.water)))
                }
                for b in swatches[(i + 1)...] where a.hatched == b.hatched {
                    let d = v.deltaE(a.color, b.color)
                    if d < ColourVision.distinctDeltaE {
                        r.fail("colours-confusable", String(format: "\"%@\" and \"%@\" under %@ (ΔE %.1f)", a.label, b.label, v.rawValue, d))
                    }
                }
            }
        }
    }

    /// A town near the front left unnamed while a much smaller one near the front is named:
    /// the towns a reader looks for there are named largest first.
    func checkTowns(_ r: inout MapInspection) {
        // A town is named by a label of its name beside its dot; of namesakes near a label,
        // the nearest is the one it names.
        // (A label a ring out, where the front runs beside its town, is up to 20 units off.)
        let reach = 20 * prepared.scene.unit
        var namedAt = Set<Position>(), newsAt = Set<Position>()
        for l in texts where l.isLabel {
            // A name with a leader names the town at the leader's dot end.
            let b = l.leadsFrom.map { Envelope(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y) } ?? l.box
            let near = hints.frontTowns.filter { $0.name == l.text && b.expanded(by: reach).contains($0.at) }
            // A label sits a dot's gap from its own dot: the nearest dot to the box is its.
            func d(_ p: Position) -> Double { hypot(max(b.minX - p.x, 0, p.x - b.maxX), max(b.minY - p.y, 0, p.y - b.maxY)) }
            if let t = near.min(by: { d($0.at) < d($1.at) }) { namedAt.insert(t.at); if l.bold { newsAt.insert(t.at) } }
        }
        func isNamed(_ t: InspectionHints.FrontTown) -> Bool { namedAt.contains(t.at) }
        // A town under a panel, or under the title's band, is not on the map a reader sees.
        let covered = (prepared.furniture?.boxes ?? []) + [Envelope(minX: 0, minY: 0, maxX: prepared.scene.width, maxY: prepared.header)]
        let shown = hints.frontTowns.filter { t in !covered.contains { $0.contains(t.at) } }
        // A name in bold (a change map's towns that changed hands, the capital) is there for its
        // news, not its size: it does not stand for the population ranking.
        let named = shown.filter { isNamed($0) && !newsAt.contains($0.at) }
        // A town of 20,000 left out while one of a quarter its size is named near the front.
        for t in shown where t.population >= PlaceRanking.keyTownPopulation && !isNamed(t) {
            if let smaller = named.filter({ $0.population * 4 <= t.population }).min(by: { $0.population < $1.population }) {
                r.fail("front-town-unnamed", "\(t.name) (\(t.population), \(Int(t.km)) km from the front) is unnamed while \(smaller.name) (\(smaller.population)) is named")
            }
        }
    }

    /// A share ("80.1 %") on the map, not in a panel, must stand on held land.
    func checkShares(_ r: inout MapInspection) {
        guard let mask else { return }
        for t in texts where t.isLabel && t.text.hasSuffix("%") && mask.coverage(t.box.expanded(by: 4)) == 0 {
            r.fail("share-off-data", "\"\(t.text)\" stands on no held land")
        }
    }

    func checkBase(_ r: inout MapInspection) {
        // The bands across the top and bottom (the title's, and where the base runs out) show no map.
        let rows = prepared.header...max(prepared.header, prepared.scene.height - prepared.footer)
        guard let vp = prepared.viewport, let base = hints.baseExtent, let visible = try? vp.visibleExtent(rows: rows) else { return }
        if !base.expanded(by: 0.01).contains(visible) {
            r.fail("base-short", String(format: "the base map covers %.1f,%.1f–%.1f,%.1f but the frame shows %.3f,%.3f–%.3f,%.3f",
                                        base.minX, base.minY, base.maxX, base.maxY, visible.minX, visible.minY, visible.maxX, visible.maxY))
        }
    }
}

extension SceneLayer {
    /// True when the layer has nothing to draw.
    var isEmpty: Bool { pointCount == 0 }
}
