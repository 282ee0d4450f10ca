import FrontlineGeo
import XCTest
@testable import FrontlineRender

/// A town's name is never laid across the front line: it takes a free position beside its dot,
/// one a ring farther out on the town's side of the line, or none (the town goes unnamed).
final class LabelPlacerTests: XCTestCase {
    let dot = Position(100, 150)

    func place(_ lines: [[Position]], mayLead: Bool = false) throws -> (texts: [PlacedText], unnamed: Set<Int>, placer: LabelPlacer) {
        var placer = LabelPlacer(bounds: Envelope(minX: 0, minY: 0, maxX: 300, maxY: 300), obstacles: [], unit: 1)
        placer.avoid(lines: lines, halfWidth: 3)
        let label = MapLabel(lines: [MapLabel.Line("Townname", font: Font(size: 12), color: RGBA(0, 0, 0))], anchor: dot,
                             placement: .besidePoint(markerRadius: 3), priority: 1, halo: RGBA(1, 1, 1), mayLead: mayLead)
        let canvas = try Canvas(format: .png, width: 1, height: 1)
        let box = Envelope(minX: dot.x - 4, minY: dot.y - 4, maxX: dot.x + 4, maxY: dot.y + 4)
        let (texts, unnamed) = try placer.placeAll([(label, dot, box)], canvas: canvas)
        return (texts, unnamed, placer)
    }

    func box(_ t: PlacedText) throws -> Envelope {
        let canvas = try Canvas(format: .png, width: 1, height: 1)
        let m = canvas.measure(t.text, t.font)
        return Envelope(minX: t.origin.x, minY: t.origin.y - m.ascent, maxX: t.origin.x + m.width, maxY: t.origin.y + m.descent)
    }

    /// A diagonal line beside the town: its one segment's bounding box covers every position,
    /// yet the left one is clear of the line itself, and taken.
    func testADiagonalLineBesideTheTownLeavesTheClearSide() throws {
        let line = [Position(60, 60), Position(260, 260)]
        let r = try place([line])
        let t = try XCTUnwrap(r.texts.first, "named")
        XCTAssertFalse(SegmentIndex.crosses(line[0], line[1], try box(t)), "the name does not cross the line")
        XCTAssertLessThan(t.origin.x, dot.x, "to the left, off the line")
    }

    /// A line closing round the dot a little way out: every position crosses it or stands
    /// beyond it, so the town is left unnamed (its dot with it).
    func testATownRingedByTheLineIsLeftUnnamed() throws {
        let ring = [Position(70, 135), Position(130, 135), Position(130, 165), Position(70, 165), Position(70, 135)]
        let r = try place([ring])
        XCTAssertEqual(r.texts.count, 0)
        XCTAssertEqual(r.unnamed, [0])
    }

    /// A town a reader must find, ringed by the line: its name stands beyond the line, clear
    /// of it, with a leader from the dot's rim to the name.
    func testATownAReaderMustFindIsNamedWithALeader() throws {
        let ring = [Position(70, 135), Position(130, 135), Position(130, 165), Position(70, 165), Position(70, 135)]
        let t = try XCTUnwrap(try place([ring], mayLead: true).texts.first, "named")
        let b = try box(t)
        XCTAssertFalse(zip(ring, ring.dropFirst()).contains { SegmentIndex.crosses($0, $1, b) }, "the name is off the line")
        let leader = try XCTUnwrap(t.leader)
        XCTAssertEqual(hypot(leader.from.x - dot.x, leader.from.y - dot.y), 3, accuracy: 0.01, "from the dot's rim")
        XCTAssertTrue(b.expanded(by: 2.01).contains(leader.to), "to the name (its padded box)")
    }
}
