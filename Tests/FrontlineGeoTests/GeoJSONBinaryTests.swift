import Foundation
import XCTest
@testable import FrontlineGeo

final class GeoJSONBinaryTests: XCTestCase {
    /// Every geometry type, ids present, absent and null, nested properties, a feature without
    /// geometry and foreign members: read back exactly as parsed.
    static let text = """
    {"type":"FeatureCollection","name":"sample","features":[
    {"type":"Feature","id":7,"properties":{"iso":"UA-14","n":1.5,"ok":true,"none":null,"list":[1,"two",{"x":false}]},
     "geometry":{"type":"Polygon","coordinates":[[[30,50],[31.123456789,50],[31,51.5],[30,50]],[[30.2,50.2],[30.4,50.2],[30.3,50.4],[30.2,50.2]]]}},
    {"type":"Feature","id":null,"properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]]]]}},
    {"type":"Feature","properties":{"rank":3},"geometry":{"type":"LineString","coordinates":[[1e-7,-89.5],[179.999999,89.5]]}},
    {"type":"Feature","properties":{"name":"Донецьк"},"geometry":{"type":"Point","coordinates":[37.8,48.0]}},
    {"type":"Feature","properties":null,"geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}},
    {"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8]]]}},
    {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},{"type":"LineString","coordinates":[[1,2],[3,4]]}]}},
    {"type":"Feature","id":"no-geometry","properties":{"a":"b"},"geometry":null}
    ]}
    """

    func testReadsBackExactlyWhatWasParsed() throws {
        let parsed = try GeoJSONReader.read(Data(Self.text.utf8))
        XCTAssertEqual(parsed.features.count, 8)
        let bytes = try XCTUnwrap(GeoJSONBinary.encode(parsed))
        let back = try XCTUnwrap(GeoJSONBinary.decode(bytes))
        XCTAssertEqual(back, parsed)
        XCTAssertEqual(back.features[0].id, .number(7))
        XCTAssertEqual(back.features[1].id, parsed.features[1].id)
        XCTAssertNil(back.features[2].id)
        XCTAssertEqual(back.foreignMembers.map(\.key), parsed.foreignMembers.map(\.key))
        XCTAssertEqual(GeoJSONBinary.encode(back), bytes)
    }

    /// Bytes cut anywhere, or with anything after them, are no collection (never a trap).
    func testDamagedBytesAreNoCollection() throws {
        let bytes = try XCTUnwrap(GeoJSONBinary.encode(try GeoJSONReader.read(Data(Self.text.utf8))))
        for n in 0..<bytes.count { XCTAssertNil(GeoJSONBinary.decode(bytes.prefix(n)), "cut at \(n)") }
        XCTAssertNil(GeoJSONBinary.decode(bytes + Data([0])))
        // A count far past the end, and nesting deeper than the reader takes.
        XCTAssertNil(GeoJSONBinary.decode(Data([0xFF, 0xFF, 0xFF, 0x7F])))
        var deep = Data([1, 0, 0, 0, 0, 5])
        for _ in 0..<100 { deep += Data([1, 0, 0, 0, 5]) }
        XCTAssertNil(GeoJSONBinary.decode(deep))
    }

    func testEnvelopeOfAnArrayIsTheGenericOne() {
        let pts = (0..<50).map { Position(Double($0 % 7) - 3.5, Double($0 * $0 % 11)) }
        XCTAssertEqual(Envelope(of: pts), Envelope(of: pts.lazy.map { $0 }))
        XCTAssertNil(Envelope(of: [Position]()))
    }
}
