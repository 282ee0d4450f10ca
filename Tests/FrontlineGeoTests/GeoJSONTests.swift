import Foundation
import XCTest
@testable import FrontlineGeo

final class GeoJSONTests: XCTestCase {
    func read(_ s: String) throws -> GeoJSONFeatureCollection { try GeoJSONReader.read(Data(s.utf8)) }

    let square: [Position] = [Position(30, 50), Position(31, 50), Position(31, 51), Position(30, 51), Position(30, 50)]

    func testEveryGeometryTypeRoundTrips() throws {
        let hole = [Position(30.2, 50.2), Position(30.2, 50.4), Position(30.4, 50.4), Position(30.2, 50.2)]
        let geometries: [GeoJSONGeometry] = [
            .point(Position(30.5, 50.45)),
            .multiPoint([Position(30, 50), Position(31, 51)]),
            .lineString([Position(30, 50), Position(31, 51)]),
            .multiLineString([[Position(30, 50), Position(31, 51)], [Position(32, 50), Position(33, 51)]]),
            .polygon([square, hole]),
            .multiPolygon([[square], [square.map { Position($0.x + 2, $0.y) }]]),
            .geometryCollection([.point(Position(1, 2)), .lineString([Position(0, 0), Position(1, 1)])]),
        ]
        let fc = GeoJSONFeatureCollection(
            features: geometries.enumerated().map { n, g in
                GeoJSONFeature(geometry: g, properties: [("n", .number(Double(n))), ("name", .string("Київ \"x\""))])
            } + [GeoJSONFeature(geometry: nil, properties: [])],
            foreignMembers: [("date", .string("2026-02-05")), ("source", .string("test"))])
        let data = GeoJSONWriter().data(fc)
        let back = try GeoJSONReader.read(data)
        XCTAssertEqual(back, fc)
        XCTAssertEqual(GeoJSONWriter().data(back), data, "writing is deterministic")
    }

    func testForeignMembersAndCRSAreTolerated() throws {
        let fc = try read("""
        {"type":"FeatureCollection","name":"deepstatemap_data_20260205",
         "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
         "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[30,50]}}]}
        """)
        XCTAssertEqual(fc.features.count, 1)
        XCTAssertEqual(fc[member: "name"], .string("deepstatemap_data_20260205"))
    }

    func testBareGeometryAndFeatureAreAccepted() throws {
        XCTAssertEqual(try read(#"{"type":"Point","coordinates":[1,2]}"#).features.first?.geometry, .point(Position(1, 2)))
        XCTAssertEqual(try read(#"{"type":"Feature","properties":null,"geometry":null}"#).features.count, 1)
    }

    func testUnclosedRingIsRejectedWithFeatureIndex() {
        let s = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}},{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#
        XCTAssertThrowsError(try read(s)) { e in
            XCTAssertTrue("\(e)".hasPrefix("feature 1: polygon ring 0 is not closed"), "\(e)")
        }
    }

    func testBadGeometriesAreRejected() {
        let cases: [(String, String)] = [
            (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#, "needs at least 4"),
            (#"{"type":"LineString","coordinates":[[0,0]]}"#, "needs at least 2"),
            (#"{"type":"Point","coordinates":[200,10]}"#, "outside lon/lat range"),
            (#"{"type":"Point","coordinates":[10,-95]}"#, "outside lon/lat range"),
            (#"{"type":"Point","coordinates":[10]}"#, "at least two numbers"),
            (#"{"type":"Polygon","coordinates":[[0,0],[1,1]]}"#, "array of rings"),
            (#"{"type":"Circle","coordinates":[0,0]}"#, "'Circle'"),
            (#"{"type":"Polygon"}"#, "without a 'coordinates'"),
            (#"{"type":"Feature","properties":{}}"#, "without a 'geometry'"),
            (#"{"type":"FeatureCollection"}"#, "without a 'features'"),
            (#"[1,2]"#, "found an array"),
            (#"{"type":"Topology"}"#, "not GeoJSON"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try read(text), text) { e in
                XCTAssertTrue("\(e)".contains(expected), "\(text): \(e)")
            }
        }
    }

    func testFixedDecimalFormatting() {
        XCTAssertEqual(JSONText.fixed(35.4987590, decimals: 6), "35.498759")
        XCTAssertEqual(JSONText.fixed(-0.0000004, decimals: 6), "0")
        XCTAssertEqual(JSONText.fixed(-12.05, decimals: 6), "-12.05")
        XCTAssertEqual(JSONText.fixed(30, decimals: 6), "30")
        XCTAssertEqual(JSONText.fixed(0.000001, decimals: 6), "0.000001")
    }

    func testConversionToGEOSAndBack() throws {
        let g = try GeoJSONGeometry.polygon([square]).geometry()
        XCTAssertEqual(g.kind, .polygon)
        XCTAssertEqual(g.geoJSON, .polygon([square]))
    }
}
