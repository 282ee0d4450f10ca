import FrontlineControl
import FrontlineGeo
import XCTest
@testable import FrontlineRender

/// #29's defects a newsroom desk found, each checked on the picture it was found in, by the
/// QA matrix's inspection (what the renderer placed) or the picture's own text.
final class DeskDefectTests: XCTestCase {
    static let newest = DayDate("2026-08-22")!

    func render(_ date: DayDate = newest, _ change: (inout MapOptions) -> Void = { _ in }) throws -> MapRenderer.Rendered {
        var o = MapOptions()
        o.inspect = true
        change(&o)
        return try MapRenderer(dataset: try MapPictureTests.dataset).render(date: date, options: o)
    }

    func violations(_ map: MapRenderer.Rendered, _ check: String) throws -> [String] {
        try XCTUnwrap(map.inspection).violations.filter { $0.check == check }.map(\.detail)
    }

    func legend(_ date: DayDate) throws -> [(label: String, swatch: Furniture.Swatch)] {
        let ds = try MapPictureTests.dataset
        let m = try ds.measure(asOf: date)
        return try MapComposer(dataset: ds, base: try ds.baseMap(), options: MapOptions()).scene(state: m.state, geometry: m.geometry).furniture.legend
    }

    /// 1: the legend said "Contested, liberated: not reported" on a land-coloured swatch and
    /// had no row for the land Ukraine holds.
    func testTheLegendNamesTheDefendersLandAndNotesWhatIsNotReported() throws {
        let rows = try legend(Self.newest)
        XCTAssertEqual(rows.first?.label, "Held by Ukraine")
        if case .land = rows.first!.swatch {} else { XCTFail("the first row is the land's") }
        let note = try XCTUnwrap(rows.last)
        XCTAssertTrue(note.label.hasSuffix("not reported"), note.label)
        if case .note = note.swatch {} else { XCTFail("what is not reported is a note, not a swatch") }
        XCTAssertEqual(try violations(render(), "legend-land-swatch"), [])
    }

    /// 3: "80.1 %" beside Pokrovsk, "5.0 %" under Kharkiv, "0.6 %" in the middle of Mykolaiv oblast.
    func testSharesStandOnHeldLand() throws {
        let map = try render { $0.format = .svg }
        XCTAssertEqual(try violations(map, "share-off-data"), [])
        let svg = String(decoding: map.data, as: UTF8.self)
        XCTAssertFalse(svg.contains(">0.6 %<"), "Mykolaiv's share has no room on the Kinburn spit")
        XCTAssertTrue(svg.contains(">75.5 %<"), "Zaporizhzhia's share stands on its occupied land")
    }

    /// 4: Kramatorsk (147,000, 17 km from the front) was on no national map.
    func testKramatorskIsOnTheNationalMap() throws {
        for date in [Self.newest, DayDate("2026-02-05")!] {
            let map = try render(date) { $0.format = .svg }
            XCTAssertTrue(String(decoding: map.data, as: UTF8.self).contains(">Kramatorsk<"), "\(date)")
            XCTAssertEqual(try violations(map, "front-town-unnamed"), [], "\(date)")
        }
    }

    /// The small print (attribution, scale bar) was 9.5 px.
    func testNoTextUnderElevenPixels() throws {
        XCTAssertEqual(try violations(render(), "text-small"), [])
        XCTAssertEqual(try violations(render { $0.width = 1080; $0.height = 1080 }, "text-small"), [])
    }

    /// 9: liberated land was the light blue of the water in the colour-blind theme; grey zone
    /// and liberated land were one colour under deuteranopia in the light theme; in print,
    /// liberated land and land held in Russia were both white under a hatch.
    func testLegendColoursAreApartForEveryReader() throws {
        for theme in Theme.Name.allCases {
            let map = try render(DayDate("2024-09-01")!) { $0.theme = theme }
            XCTAssertEqual(try violations(map, "colours-confusable") + violations(map, "colour-like-water"), [], theme.rawValue)
        }
    }

    /// 2: the story preset showed the base map's hard edges (the Black Sea ending in a curve
    /// with land below it, the Baltic cut by a straight line): rows beyond the base layers are
    /// bands in the panel's colour, the title's at the top and the legend's at the bottom.
    func testTheStoryShowsNoEdgeOfTheBaseMap() throws {
        let map = try render { $0.width = 1080; $0.height = 1920; $0.dpi = PicturePreset.story.dpi }
        XCTAssertEqual(try violations(map, "base-short"), [])
        let image = try RasterImage(png: map.data)
        let panel = Theme.light.panel
        // The panel over the background, as the band is painted.
        let band = RGBA(panel.r * panel.a + Theme.light.neighbourLand.r * (1 - panel.a), panel.g * panel.a + Theme.light.neighbourLand.g * (1 - panel.a),
                        panel.b * panel.a + Theme.light.neighbourLand.b * (1 - panel.a), 1)
        for (x, y) in [(540, 1700), (1000, 1600), (540, 250), (1000, 120)] {
            XCTAssertTrue(PixelProbe.close(try XCTUnwrap(image.pixel(x: x, y: y)), band), "(\(x), \(y)) is in a band")
        }
    }

    /// 13: "Poltava" twice on the Kharkiv close-up, the city and its oblast: a region named
    /// like a town in the frame is named in full.
    func testNoNameTwiceInAFrame() throws {
        let map = try render { $0.regions = ["UA-63"]; $0.format = .svg }
        let svg = String(decoding: map.data, as: UTF8.self)
        XCTAssertTrue(svg.contains(">Poltava oblast<"), "the oblast named in full")
        XCTAssertEqual(svg.components(separatedBy: ">Poltava<").count - 1, 1, "the city once")
    }

    /// 11: on the print change map newly occupied land was black and swallowed the black front
    /// line: a fill the front line lies on stands apart from it in lightness.
    func testPrintFillsStandApartFromTheFrontLine() {
        func luminance(_ c: RGBA) -> Double {
            func lin(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
            return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
        }
        let t = Theme.print, front = luminance(t.frontLine.color)
        for (name, fill) in [("gained", t.gained), ("occupied", t.fill(.occupied)), ("heldBoth", t.heldBoth)] {
            XCTAssertGreaterThan(luminance(fill.color) - front, 0.1, name)
        }
    }

    /// 7: the change map of the Kursk incursion showed nothing in Russia: the land held
    /// abroad at the later date is drawn and the legend gives both areas.
    func testTheChangeMapShowsLandHeldAbroad() throws {
        var o = MapOptions()
        o.format = .svg
        o.regions = ["UA-59"]
        let svg = String(decoding: try DiffRenderer(dataset: try MapPictureTests.dataset)
            .render(from: DayDate("2024-08-05")!, to: DayDate("2025-03-01")!, options: o).data, as: UTF8.self)
        XCTAssertTrue(svg.contains("Held by Ukraine in Russia: 0 → 4"), "the legend's row for land held abroad")
        XCTAssertTrue(svg.contains(">Sudzha<"), "its main town named")
    }

    /// 8: across the source change of August 2025 the timelapse's legend gained a "not
    /// reported" row beside the rows of the statuses it had just shown, and its title box
    /// shrank from five lines to two: one legend without notes, one subtitle length.
    func testTheTimelapseKeepsItsPanelsAcrossTheSourceChange() throws {
        let ds = try MapPictureTests.dataset
        let measured = try [DayDate("2025-07-30")!, DayDate("2025-08-13")!].map { try ds.measure(asOf: $0) }
        let composer = MapComposer(dataset: ds, base: try ds.baseMap(), options: MapOptions())
        let (legend, lines) = try TimelapseRenderer(dataset: ds).legendOfAll(measured, composer)
        XCTAssertFalse(legend.contains { $0.swatch.isNote }, legend.map(\.label).joined(separator: "; "))
        XCTAssertTrue(legend.contains { $0.label == "Liberated by Ukraine" })
        XCTAssertEqual(lines, 5, "the longest subtitle, the later frame's note included")
    }

    /// 8: the shares moved from frame to frame of a timelapse: they stand where the last frame
    /// puts them, in every frame whose occupied land holds that spot.
    func testTimelapseSharesKeepTheirPlace() throws {
        let ds = try MapPictureTests.dataset
        let measured = try [DayDate("2025-01-01")!, DayDate("2026-01-01")!].map { try ds.measure(asOf: $0) }
        var composer = MapComposer(dataset: ds, base: try ds.baseMap(), options: MapOptions())
        func shareAnchors(_ c: MapComposer) throws -> [[Position]] {
            try measured.map { m in
                try c.scene(state: m.state, geometry: m.geometry).labels.filter { $0.lines.contains { $0.text.hasSuffix("%") } }.map(\.anchor)
            }
        }
        let moving = try shareAnchors(composer)
        XCTAssertNotEqual(moving[0], moving[1], "a year apart, each frame's own spots differ")
        let vp = try composer.viewport(composer.frame([]))
        composer.fixedShareSpots = try composer.shareSpots(measured[1].state, measured[1].geometry, vp)
        let fixed = try shareAnchors(composer)
        XCTAssertFalse(fixed[1].isEmpty)
        XCTAssertEqual(fixed[0], fixed[1])
    }

    /// 6: a framed change map counted only its region while drawing its neighbours' changes
    /// alike ("Newly occupied: +0.0 km²" beside orange near Bakhmut): the legend says whose
    /// figures they are and what lies around is veiled.
    func testAFramedChangeMapSaysWhoseFiguresItGives() throws {
        var o = MapOptions()
        o.regions = ["UA-63"]
        let ds = try MapPictureTests.dataset
        let change = try ds.change(from: DayDate("2022-09-01")!, to: DayDate("2022-10-05")!)
        let scene = try DiffComposer(map: MapComposer(dataset: ds, base: try ds.baseMap(), options: o))
            .scene(change.changes, change.geometry, try ds.measure(asOf: DayDate("2022-10-05")!).geometry)
        XCTAssertTrue(scene.furniture.legend.contains { $0.label == "Figures for Kharkiv oblast only; around it muted" })
        XCTAssertTrue(scene.layers.contains { $0.layer == .surroundings })
    }

    /// An 800x600 change map of Kharkiv oblast laid its locator over the end of its title: a
    /// panel the map can do without is left out where no corner is free for it.
    func testNoPanelLiesOverAnother() throws {
        var o = MapOptions()
        o.regions = ["UA-63"]
        (o.width, o.height, o.inspect) = (800, 600, true)
        let ds = try MapPictureTests.dataset
        let change = try ds.change(from: DayDate("2022-09-01")!, to: DayDate("2022-10-05")!)
        let composer = MapComposer(dataset: ds, base: try ds.baseMap(), options: o)
        let scene = try DiffComposer(map: composer).scene(change.changes, change.geometry, try ds.measure(asOf: DayDate("2022-10-05")!).geometry)
        XCTAssertNotNil(scene.furniture.inset, "the scene asks for a locator")
        let inspection = try SceneRenderer.inspect(scene, hints: try composer.inspectionHints(scene, front: []))
        XCTAssertEqual(inspection.violations.filter { $0.check == "panels-overlap" }.map(\.detail), [])
    }

    /// 5: Chernihiv's close-up laid its locator over occupied land while the bottom corner
    /// beside the attribution was free (panels were all lifted above the attribution's strip).
    func testAPanelTakesTheFreeCornerBesideTheAttribution() throws {
        let map = try render(DayDate("2024-09-01")!) { $0.regions = ["UA-74"] }
        XCTAssertEqual(try violations(map, "panel-over-data"), [])
    }

    /// 7: DeepState's 2022 "liberated" corridors dominated Sumy and Chernihiv as pale stripes
    /// and could not be turned off: `--hide liberated` leaves them off the map, its legend and
    /// its figure lines, and keeps everything else.
    func testLiberatedLandCanBeLeftOff() throws {
        let ds = try MapPictureTests.dataset
        let m = try ds.measure(asOf: DayDate("2024-09-01")!)
        var o = MapOptions()
        o.hidden = [.liberated]
        let hidden = try MapComposer(dataset: ds, base: try ds.baseMap(), options: o).scene(state: m.state, geometry: m.geometry)
        let shown = try MapComposer(dataset: ds, base: try ds.baseMap(), options: MapOptions()).scene(state: m.state, geometry: m.geometry)
        XCTAssertTrue(shown.layers.contains { $0.layer == .control(.liberated) && !$0.isEmpty }, "the date has liberated land")
        XCTAssertFalse(hidden.layers.contains { $0.layer == .control(.liberated) })
        XCTAssertFalse(hidden.furniture.legend.contains { $0.label.contains("Liberated") })
        XCTAssertFalse(hidden.furniture.subtitle.contains { $0.contains("Liberated") })
        XCTAssertEqual(hidden.layers.count, shown.layers.count - 1, "only that layer is gone")
        XCTAssertTrue(hidden.furniture.legend.contains { $0.label == "Held by Ukraine in Russia" })
    }

    /// 13: "Chernivtsi" was written across the border with Romania: a name keeps off the
    /// international borders where it has another place.
    func testANameKeepsOffTheBorder() throws {
        let ds = try MapPictureTests.dataset
        let m = try ds.measure(asOf: DayDate("2026-02-05")!)
        let scene = try MapComposer(dataset: ds, base: try ds.baseMap(), options: MapOptions()).scene(state: m.state, geometry: m.geometry)
        let canvas = try Canvas(format: .png, width: 1, height: 1)
        let prepared = try SceneRenderer.prepare(scene, measuring: canvas)
        let vp = try XCTUnwrap(prepared.viewport)
        let t = try XCTUnwrap(prepared.texts.first { $0.text == "Chernivtsi" }, "named")
        let size = canvas.measure(t.text, t.font)
        let box = Envelope(minX: t.origin.x, minY: t.origin.y - size.ascent, maxX: t.origin.x + size.width, maxY: t.origin.y + size.descent)
        let borders = try scene.layers.filter { $0.layer == .borders }.flatMap { l -> [[Position]] in
            guard case .stroke(let lines, _) = l.drawing else { return [] }
            return try lines.map { try vp.device($0) }
        }
        XCTAssertFalse(borders.isEmpty)
        XCTAssertFalse(borders.contains { line in zip(line, line.dropFirst()).contains { SegmentIndex.crosses($0, $1, box) } })
    }

    /// A canvas smaller than its bands (30x30: the title's band is taller than the picture)
    /// trapped the base check's range of rows.
    func testATinyCanvasIsInspectedWithoutATrap() throws {
        let map = try render { $0.width = 30; $0.height = 30 }
        XCTAssertNotNil(map.inspection)
    }

    /// 5: the locator inset was translucent and lay on occupied land (`render --date 2025-12-20
    /// --region UA-23 --advances 30d`): its panel is its own colour, nothing of the map under it.
    func testTheLocatorIsOpaque() throws {
        let ds = try MapPictureTests.dataset
        var o = MapOptions()
        o.regions = ["UA-23"]
        let date = DayDate("2025-12-20")!
        let m = try ds.measure(asOf: date)
        let advances = try ds.change(from: date.adding(days: -30), to: date)
        let scene = try MapComposer(dataset: ds, base: try ds.baseMap(), options: o).scene(state: m.state, geometry: m.geometry, advances: advances)
        let prepared = try SceneRenderer.prepare(scene, measuring: try Canvas(format: .png, width: 1, height: 1))
        let box = try XCTUnwrap(prepared.furniture?.insetBox)
        let canvas = try Canvas(format: .png, width: Int(scene.width), height: Int(scene.height))
        try SceneRenderer.paint(prepared, on: canvas)
        let image = try RasterImage(png: canvas.finish())
        var clear = 0
        for (x, y) in [(box.minX + 3, box.minY + 3), (box.maxX - 3, box.minY + 3), (box.minX + 3, box.maxY - 3), (box.maxX - 3, box.maxY - 3)] {
            let c = try XCTUnwrap(image.pixel(x: Int(x), y: Int(y)))
            if PixelProbe.close(c, Theme.light.panel.withAlpha(1)) { clear += 1 }
        }
        XCTAssertEqual(clear, 4, "the inset's corners are its panel's own colour")
    }

    /// 2: the phone presets' text was too small for a phone: they draw their words larger.
    func testThePhonePresetsDrawLargerWords() {
        for p in [PicturePreset.square, .portrait, .story] { XCTAssertGreaterThanOrEqual(p.dpi, 132, p.rawValue) }
        XCTAssertGreaterThan(PicturePreset.landscape.dpi, 96)
    }

    /// 10: charts that misled: an area axis starting at 112,500, the occupied line called
    /// "Ukraine", land held abroad titled "Held by Ukraine in Russia area of Ukraine".
    func testChartsDoNotMislead() throws {
        let ds = try MapPictureTests.dataset
        var o = ChartRenderer.Options()
        o.format = .svg
        let r = try ChartRenderer(dataset: ds).render(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!, options: o)
        let svg = String(decoding: r.data, as: UTF8.self)
        XCTAssertTrue(svg.contains(">0<"), "the area axis starts at zero")
        XCTAssertFalse(svg.contains(">Ukraine<"), "a lone line ends in its value, not the country's name")
        o.status = .heldAbroad
        let abroad = try ChartRenderer(dataset: ds).render(from: DayDate("2024-08-01")!, to: DayDate("2025-05-01")!, options: o)
        XCTAssertEqual(abroad.chart.lines.map(\.name), ["Russia"])
        XCTAssertTrue(String(decoding: abroad.data, as: UTF8.self).contains("Held by Ukraine in Russia, km²"))
        XCTAssertFalse(svg.contains("Ukraine · Boundaries") || svg.contains("Natural Earth") || svg.contains("GeoNames"),
                       "a chart credits what it is measured with, not the map's base layers")
    }

    /// 10: the monthly chart drew the partial last month as a full one: a bar of part of a
    /// month is lighter, and the key says so.
    func testAPartialMonthIsMarked() throws {
        var o = ChartRenderer.Options()
        (o.format, o.metric) = (.svg, .change)
        let r = try ChartRenderer(dataset: try MapPictureTests.dataset).render(from: DayDate("2025-01-01")!, to: DayDate("2026-02-05")!, options: o)
        XCTAssertEqual(r.chart.bars.map(\.isPartial), Array(repeating: false, count: 13) + [true], "January 2025 to January 2026 whole, 1-5 February 2026 part")
        XCTAssertTrue(String(decoding: r.data, as: UTF8.self).contains("Lighter bars: part of a month"))
    }
}
