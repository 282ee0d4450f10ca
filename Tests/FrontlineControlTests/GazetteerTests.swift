import Foundation
import XCTest
import FrontlineGeo
@testable import FrontlineControl

/// The gazetteer built from GeoNames: national romanization, districts left out, the fixes.
final class GazetteerTests: XCTestCase {
    static let sources = Fixtures.bundled.deletingLastPathComponent().appendingPathComponent("sources")
    static let romanizer = try! Romanizer.load(sources.appendingPathComponent("romanization-uk.json"))
    static let places = try! Gazetteer.load(folder: Fixtures.bundled).places

    func testKMU2010Romanization() {
        let expected = ["Костянтинівка": "Kostiantynivka", "Гуляйполе": "Huliaipole", "Авдіївка": "Avdiivka",
                        "Куп’янськ": "Kupiansk", "Слов'янськ": "Sloviansk", "Запоріжжя": "Zaporizhzhia",
                        "Кривий Ріг": "Kryvyi Rih", "Ізюм": "Izium", "Київ": "Kyiv", "Єнакієве": "Yenakiieve",
                        "Згурівка": "Zghurivka", "Ягідне": "Yahidne", "Юрівка": "Yurivka", "Їжаківка": "Yizhakivka",
                        "Ові́діополь": "Ovidiopol"]
        for (uk, en) in expected { XCTAssertEqual(Self.romanizer.romanize(uk), en, uk) }
    }

    func testConventionalExceptions() {
        XCTAssertEqual(Self.romanizer.romanize("Євпаторія"), "Yevpatoria", "by the table; the system gives Yevpatoriia")
        XCTAssertEqual(Self.romanizer.romanize("Феодосія"), "Feodosia")
        XCTAssertEqual(Self.romanizer.romanize("Прип’ять"), "Pripyat")
        XCTAssertEqual(Self.romanizer.romanize("Феодосій"), "Feodosii", "only whole names are exceptions")
    }

    func testNamesOfOtherLanguagesAreNotRomanized() {
        XCTAssertNil(Self.romanizer.romanize("Дробышево"), "Russian ы is not a Ukrainian letter")
        XCTAssertNil(Self.romanizer.romanize("Јасинувата"), "Serbian Ј")
    }

    func place(_ en: String, region: String? = nil) -> Gazetteer.Place? {
        Self.places.first { $0.nameEN == en && (region == nil || $0.region == region) }
    }

    func testTownsAtTheFrontAreThereWithTheirPopulation() throws {
        for (name, population) in [("Pokrovsk", 60127), ("Myrnohrad", 46098), ("Kostiantynivka", 67350), ("Toretsk", 30914),
                                   ("Bakhmut", 80500), ("Chasiv Yar", 12250), ("Siversk", 10875), ("Sloviansk", 105141)] {
            let p = try XCTUnwrap(place(name, region: "UA-14"), name)
            XCTAssertEqual(p.population, population, name)
        }
        XCTAssertEqual(place("Kupiansk")?.region, "UA-63")
        XCTAssertEqual(place("Sievierodonetsk")?.nameUK, "Сєвєродонецьк", "a fixed Ukrainian name")
    }

    func testNeighboursNearTheBorder() throws {
        for name in ["Kursk", "Belgorod", "Sudzha", "Shebekino", "Bryansk", "Gomel"] {
            let p = try XCTUnwrap(place(name), name)
            XCTAssertNil(p.region, "\(name) is outside the regions")
        }
        XCTAssertEqual(place("Moscow")?.role, .capital)
    }

    func testCityDistrictsAreLeftOut() {
        // No place of 50,000 people within 8 km of the centre of a city of a million or of Mariupol.
        for city in ["Kyiv", "Kharkiv", "Odesa", "Dnipro", "Mariupol"] {
            let c = place(city)!.position
            let near = Self.places.filter { $0.nameEN != city && $0.population >= 50_000 && LineDistanceIndex.distanceKm(c, $0.position) < 8 }
            XCTAssertEqual(near.map(\.nameEN), [], city)
        }
        for district in ["Saltivka", "Darnytsya", "Pravyi Bereh", "Rutchenkivskyi"] { XCTAssertNil(place(district), district) }
        XCTAssertNotNil(place("Brovary"), "a town beside Kyiv is kept")
        XCTAssertNotNil(place("Vyshneve"), "kept by the fixes")
        XCTAssertEqual(place("Mariupol")?.population, 431_859, "the fixes' population")
    }

    func testRegionalCentres() {
        XCTAssertEqual(place("Kyiv")?.role, .capital)
        XCTAssertEqual(place("Kharkiv")?.role, .regional)
        XCTAssertEqual(Set(Self.places.filter { $0.role == .regional }.compactMap(\.region)).count,
                       Self.places.filter { $0.role == .regional }.count, "one centre per region")
        XCTAssertNil(Self.places.first { $0.region == "UA-30" && $0.role == .regional }, "the capital is Kyiv city's centre")
    }

    func testFileRoundTripsAndBadRowsAreErrors() throws {
        let g = Gazetteer(places: Array(Self.places.prefix(50)))
        XCTAssertEqual(try Gazetteer.parse(String(decoding: g.data(), as: UTF8.self)).places, g.places)
        let bad = Gazetteer.header + "\n1\tX\tX\tUA\t\t95\t30\t10\t\n"
        XCTAssertThrowsError(try Gazetteer.parse(bad)) { XCTAssertTrue("\($0)".contains("line 2"), "\($0)") }
        XCTAssertThrowsError(try Gazetteer.parse("id,name\n"))
    }

    /// The byte reader's numbers are the ones Swift's own parser gives, for every row.
    func testNumbersReadFromBytesAreExact() throws {
        let text = try String(contentsOf: Fixtures.bundled.appendingPathComponent(Gazetteer.fileName), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.count, Self.places.count)
        for (row, p) in zip(rows, Self.places) {
            XCTAssertEqual(p.position.y, Double(row[5]), "\(row[1])")
            XCTAssertEqual(p.position.x, Double(row[6]), "\(row[1])")
            XCTAssertEqual(p.population, Int(row[7]))
        }
        XCTAssertNil(RowReader.decimal(Slice(base: UnsafeBufferPointer<UInt8>(start: nil, count: 0), bounds: 0..<0)))
    }

    func testQuotedCSVFields() throws {
        let rows = try CSVTable.rows("a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n")
        XCTAssertEqual(rows, [["a", "b", "c"], ["1", "x, \"y\"", "3"]])
        XCTAssertThrowsError(try CSVTable.rows("a\n\"open\n"))
    }
}
