import Foundation
import XCTest
import FrontlineGeo
import FrontlineSupport
@testable import FrontlineControl

/// Finding a place a user names, and who held it when.
final class PlaceLookupTests: XCTestCase {
    // Made per use: regions hold GEOS geometries, which belong to the thread that made them.
    static var lookup: PlaceLookup { get throws { PlaceLookup(gazetteer: Gazetteer(places: try GazetteerTests.places), regions: try Fixtures.bundledDataset.regions, info: try Fixtures.bundledDataset.info) } }

    func message(_ query: String) -> String {
        do { _ = try Self.lookup.find(query); return "" } catch { return "\(error)" }
    }

    func testNamesInEitherLanguageAnyCase() throws {
        for q in ["Pokrovsk", "pokrovsk", "Покровськ", "POKROVSK, UA-14", "Pokrovsk, Donetsk"] {
            XCTAssertEqual(try Self.lookup.find(q).population, 60_127, q)
            XCTAssertEqual(try Self.lookup.find(q).region, "UA-14", q)
        }
        XCTAssertEqual(try Self.lookup.find("Kupiansk").names(Language("uk")), "Куп’янськ")
        XCTAssertEqual(try Self.lookup.find("Chasiv-Yar").names.primary, "Chasiv Yar", "hyphens and spaces alike")
        XCTAssertEqual(try Self.lookup.find("Kursk").country, "RU")
    }

    func testAmbiguousNamesListTheCandidates() throws {
        let m = message("Avdiivka")
        XCTAssertTrue(m.contains("names 3 places"), m)
        XCTAssertTrue(m.contains("Donetsk oblast") && m.contains("Chernihiv oblast"), m)
        XCTAssertEqual(try Self.lookup.find("Avdiivka, UA-14").population, 35_826)
        XCTAssertEqual(try Self.lookup.find("Avdiivka, Donetsk").region, "UA-14")
    }

    func testUnknownNamesGetTheNearestSpellings() {
        let m = message("Bakhmutt")
        XCTAssertTrue(m.contains("did you mean Bakhmut (Donetsk oblast)"), m)
        XCTAssertTrue(message("Kostyantynivka").contains("Kostiantynivka"), "the old transliteration finds the new")
        XCTAssertTrue(message("Qqqqqqqq").contains("no place called 'Qqqqqqqq'"))
    }

    func testPointsInsideAndOutside() throws {
        let p = try Self.lookup.find("48.28, 37.18")
        XCTAssertEqual(p.region, "UA-14")
        XCTAssertEqual(p.position, Position(37.18, 48.28))
        XCTAssertTrue(message("52.23,21.01").contains("outside the dataset's regions"), "Warsaw")
        if case FrontlineError.usage = try XCTUnwrap({ () -> Error? in do { _ = try Self.lookup.find("52.23,21.01"); return nil } catch { return error } }()) {} else {
            XCTFail("a usage error (exit 64)")
        }
    }

    /// Kherson was freed on 11 November 2022, Izium on 10 September 2022: each date lies
    /// between the snapshots that bound the change.
    func testHistoryBoundsTheChanges() throws {
        let ds = try Fixtures.bundledDataset
        for (name, freed) in [("Kherson", "2022-11-11"), ("Izium", "2022-09-10")] {
            let p = try Self.lookup.find(name)
            let h = try ds.history(of: p.position, region: p.region)
            let back = try XCTUnwrap(h.last, name)
            XCTAssertNil(back.status, "\(name) is held at the end")
            // Izium was grey zone in the export of its day of liberation: occupied or contested before.
            XCTAssertTrue(h.dropLast().last?.status?.isHeldByInvader ?? false, name)
            let after = try XCTUnwrap(back.after).date, first = back.first.date, day = DayDate(freed)!
            XCTAssertTrue(after <= day && day <= first && after.days(to: first) <= 1, "\(name): freed \(freed), bounded by \(after) and \(first)")
        }
        let pokrovsk = try Self.lookup.find("Pokrovsk")
        XCTAssertEqual(try ds.status(of: pokrovsk.position, region: pokrovsk.region, asOf: DayDate("2026-02-05")!).status, .occupied)
        XCTAssertNil(try ds.status(of: pokrovsk.position, region: pokrovsk.region, asOf: DayDate("2025-02-05")!).status)
    }
}
