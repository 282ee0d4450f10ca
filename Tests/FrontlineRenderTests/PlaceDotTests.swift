import Foundation
import XCTest
import FrontlineControl
import FrontlineGeo
@testable import FrontlineRender

/// A place's dot is drawn only with its name, on maps and on tiles: unnamed dots read as
/// stray marks (they were everywhere on tiles where a label met the tile edge, and on
/// `--size 3200x2400 --dpi 192` maps).
final class PlaceDotTests: XCTestCase {
    /// How many dots have no placed text beside them (within a label's reach) or leading to them.
    func everyDotIsNamed(_ layers: [PreparedScene.Layer], _ texts: [PlacedText], unit: Double, canvas: Canvas) -> (dots: Int, unnamed: Int) {
        let dots = layers.flatMap { layer -> [Position] in
            if case .markers(let centres, _, _, _) = layer { return centres }
            return []
        }
        let boxes = texts.map { t -> Envelope in
            let size = canvas.measure(t.text, t.font)
            let m = 10 * unit
            return Envelope(minX: t.origin.x - m, minY: t.origin.y - 2 * size.height - m, maxX: t.origin.x + size.width + m, maxY: t.origin.y + 2 * size.height + m)
        }
        // A name standing away from its dot (where the front line leaves no room) has a leader
        // from the dot's rim.
        let leaders = texts.compactMap { t in t.leader.map { Envelope(minX: $0.from.x, minY: $0.from.y, maxX: $0.from.x, maxY: $0.from.y).expanded(by: 5 * unit) } }
        return (dots.count, dots.filter { d in !(boxes + leaders).contains { $0.contains(d) } }.count)
    }

    func testNoUnnamedDotsInATileMosaic() throws {
        let dataset = try MapPictureTests.dataset
        let tiles = try TileRenderer(context: try MapContext(dataset: dataset), date: DayDate("2026-02-05")!)
        let canvas = try Canvas(format: .png, width: 256, height: 256)
        var dots = 0
        for zoom in [6, 7] {
            for tile in TileCoord.covering(Envelope(minX: 33, minY: 46, maxX: 40, maxY: 50.5), zoom: zoom) {
                let resolution = tile.span / 256
                let unit = zoom < 6 ? 0.8 : 1.0
                let (markers, texts) = try tiles.labels(tile.mercatorBounds, resolution: resolution, zoom: zoom, unit: unit,
                                                        canvas: canvas, width: 256, height: 256)
                let r = everyDotIsNamed(markers.map { [$0] } ?? [], texts, unit: unit, canvas: canvas)
                XCTAssertEqual(r.unnamed, 0, "tile \(tile): \(r.unnamed) of \(r.dots) dots without a name")
                dots += r.dots
            }
        }
        XCTAssertGreaterThan(dots, 30, "the mosaic has named places")
    }

    func testNoUnnamedDotsOnAHighResolutionMap() throws {
        var options = MapOptions()
        options.width = 3200
        options.height = 2400
        options.dpi = 192
        let base = try BaseMap(folder: MapPictureTests.dataset.folder)
        let composer = MapComposer(dataset: try MapPictureTests.dataset, base: base, options: options)
        let measured = try MapPictureTests.dataset.measure(asOf: DayDate("2026-02-05")!)
        let scene = try composer.scene(state: measured.state, geometry: measured.geometry)
        let canvas = try Canvas(format: .png, width: 1, height: 1)
        let prepared = try SceneRenderer.prepare(scene, measuring: canvas)
        let r = everyDotIsNamed(prepared.layers, prepared.texts, unit: scene.unit, canvas: canvas)
        XCTAssertGreaterThan(r.dots, 20)
        XCTAssertEqual(r.unnamed, 0, "\(r.unnamed) of \(r.dots) dots without a name")
    }
}
