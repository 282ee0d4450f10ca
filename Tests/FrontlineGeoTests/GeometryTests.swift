import XCTest
@testable import FrontlineGeo

final class GeometryTests: XCTestCase {
    func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) throws -> Geometry {
        try Geometry.rectangle(Envelope(minX: x0, minY: y0, maxX: x1, maxY: y1))
    }

    func testBooleanOperations() throws {
        let a = try box(0, 0, 2, 2), b = try box(1, 1, 3, 3)
        XCTAssertEqual(try a.intersection(b).planarArea, 1, accuracy: 1e-12)
        XCTAssertEqual(try a.union(b).planarArea, 7, accuracy: 1e-12)
        XCTAssertEqual(try a.difference(b).planarArea, 3, accuracy: 1e-12)
        XCTAssertEqual(try Geometry.union([a, b, try box(10, 10, 11, 11)]).planarArea, 8, accuracy: 1e-12)
        XCTAssertTrue(try a.difference(a).isEmpty)
        XCTAssertEqual(try a.clipped(to: Envelope(minX: 1, minY: 0, maxX: 5, maxY: 5)).planarArea, 2, accuracy: 1e-12)
    }

    func testSelfTouchingRingIsRepairedWithANote() throws {
        // A ring that touches itself at (1, 1): invalid, but with one clear meaning.
        let g = try Geometry.polygon([[Position(0, 0), Position(2, 0), Position(1, 1), Position(2, 2), Position(0, 2),
                                       Position(1, 1), Position(0, 0)]])
        XCTAssertFalse(g.isValid)
        let (fixed, note) = try g.validPolygonal()
        XCTAssertTrue(fixed.isValid)
        XCTAssertNotNil(note)
        XCTAssertEqual(fixed.planarArea, g.planarArea, accuracy: 1e-9)
    }

    func testBowTieIsRejected() throws {
        let g = try Geometry.polygon([[Position(0, 0), Position(2, 2), Position(2, 0), Position(0, 2), Position(0, 0)]])
        XCTAssertTrue(g.hasCrossingEdges)
        XCTAssertThrowsError(try g.validPolygonal()) { e in
            XCTAssertTrue("\(e)".contains("edges cross"), "\(e)")
        }
    }

    func testLineIsNotPolygonal() throws {
        XCTAssertThrowsError(try Geometry.lineString([Position(0, 0), Position(1, 1)]).validPolygonal())
    }

    func testPreparedPredicatesAndPoints() throws {
        let p = try PreparedGeometry(try box(0, 0, 2, 2))
        XCTAssertTrue(try p.contains(Position(1, 1)))
        XCTAssertFalse(try p.contains(Position(3, 1)))
        XCTAssertTrue(try p.intersects(try box(1.5, 1.5, 4, 4)))
        XCTAssertFalse(try p.intersects(try box(5, 5, 6, 6)))
        XCTAssertTrue(try p.isWithin(0.6, of: try box(2.5, 0, 3, 1)))
        XCTAssertFalse(try p.isWithin(0.4, of: try box(2.5, 0, 3, 1)))
        let inside = try box(0, 0, 2, 2).pointOnSurface()
        XCTAssertTrue(try p.contains(inside))
    }

    func testPartsEnvelopeAndSimplify() throws {
        let m = try Geometry.multiPolygon([try box(0, 0, 1, 1), try box(2, 2, 3, 3)])
        XCTAssertEqual(m.partCount, 2)
        XCTAssertEqual(m.parts.map(\.planarArea), [1, 1])
        XCTAssertEqual(m.envelope, Envelope(minX: 0, minY: 0, maxX: 3, maxY: 3))
        let wiggly = try Geometry.lineString((0...100).map { Position(Double($0) / 100, $0 % 2 == 0 ? 0 : 0.0001) })
        XCTAssertLessThan(try wiggly.simplified(tolerance: 0.01).pointCount, 5)
    }

    func testNegativeBufferErasesThinStrips() throws {
        XCTAssertTrue(try box(0, 0, 10, 0.008).buffer(-0.005).isEmpty)
        XCTAssertFalse(try box(0, 0, 10, 0.012).buffer(-0.005).isEmpty)
    }

    func testEnvelopeIndexPrefilters() {
        var index = EnvelopeIndex<String>()
        index.insert("west", envelope: Envelope(minX: 22, minY: 48, maxX: 26, maxY: 51))
        index.insert("east", envelope: Envelope(minX: 36, minY: 47, maxX: 40, maxY: 50))
        XCTAssertEqual(index.query(Envelope(minX: 37, minY: 48, maxX: 38, maxY: 49)), ["east"])
        XCTAssertEqual(index.query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)), [])
    }

    func testGeometryWorksOnAnotherThread() throws {
        // Each thread gets its own GEOS context.
        let done = expectation(description: "thread")
        Thread.detachNewThread {
            let box = { (x0: Double, y0: Double, x1: Double, y1: Double) in
                try Geometry.rectangle(Envelope(minX: x0, minY: y0, maxX: x1, maxY: y1))
            }
            let a = try? box(0, 0, 2, 2).intersection(try box(1, 1, 3, 3))
            XCTAssertEqual(a?.planarArea ?? 0, 1, accuracy: 1e-12)
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
    }
}

/// GEOS's answers checked: a predicate's exception value is an error, not "false".
final class CheckedCallTests: XCTestCase {
    func testAPredicateExceptionIsThrown() throws {
        XCTAssertEqual(try GEOSContext.predicate(1, "t"), true)
        XCTAssertEqual(try GEOSContext.predicate(0, "t"), false)
        // 2 is GEOS's exception value: `== 1` read it as false.
        XCTAssertThrowsError(try GEOSContext.predicate(2, "intersects")) { e in
            XCTAssertTrue("\(e)".contains("intersects"), "\(e)")
        }
    }
}
