import Foundation
import XCTest
import FrontlineTestSupport
import FrontlineGeo
@testable import FrontlineControl

/// The gazetteer built from GeoNames: national romanization, districts left out, the fixes.
final class GazetteerTests: XCTestCase {
    static let sources = Fixtures.bundled.deletingLastPathComponent().appendingPathComponent("sources")
    static let romanizerFixture = Fixture { try Romanizer.load(sources.appendingPathComponent("romanization-uk.json")) }
    static var romanizer: Romanizer { get throws { try romanizerFixture.value } }
    static let placesFixture = Fixture { try Gazetteer.load(folder: Fixtures.bundled).places }
    static var places: [Gazetteer.Place] { get throws { try placesFixture.value } }

    func testKMU2010Romanization() {
        let expected = ["Костянтинівка": "Kostiantynivka", "Гуляйполе": "Huliaipole", "Авдіївка": "Avdiivka",
                        "Куп’янськ": "Kupiansk", "Слов'янськ": "Sloviansk", "Запоріжжя": "Zaporizhzhia",
                        "Кривий Ріг": "Kryvyi Rih", "Ізюм": "Izium", "Київ": "Kyiv", "Єнакієве": "Yenakiieve",
                        "Згурівка": "Zghurivka", "Ягідне": "Yahidne", "Юрівка": "Yurivka", "Їжаківка": "Yizhakivka",
                        "Ові́діополь": "Ovidiopol"]
        for (uk, en) in expected { XCTAssertEqual(try Self.romanizer.romanize(uk), en, uk) }
    }

    func testConventionalExceptions() {
        XCTAssertEqual(try Self.romanizer.romanize("Євпаторія"), "Yevpatoria", "by the table; the system gives Yevpatoriia")
        XCTAssertEqual(try Self.romanizer.romanize("Феодосія"), "Feodosia")
        XCTAssertEqual(try Self.romanizer.romanize("Прип’ять"), "Pripyat")
        XCTAssertEqual(try Self.romanizer.romanize("Феодосій"), "Feodosii", "only whole names are exceptions")
    }

    func testNamesOfOtherLanguagesAreNotRomanized() {
        XCTAssertNil(try Self.romanizer.romanize("Дробышево"), "Russian ы is not a Ukrainian letter")
        XCTAssertNil(try Self.romanizer.romanize("Јасинувата"), "Serbian Ј")
    }

    func place(_ en: String, region: String? = nil) throws -> Gazetteer.Place? {
        try Self.places.first { $0.names.primary == en && (region == nil || $0.region == region) }
    }

    func testTownsAtTheFrontAreThereWithTheirPopulation() throws {
        for (name, population) in [("Pokrovsk", 60127), ("Myrnohrad", 46098), ("Kostiantynivka", 67350), ("Toretsk", 30914),
                                   ("Bakhmut", 80500), ("Chasiv Yar", 12250), ("Siversk", 10875), ("Sloviansk", 105141)] {
            let p = try XCTUnwrap(place(name, region: "UA-14"), name)
            XCTAssertEqual(p.population, population, name)
        }
        XCTAssertEqual(try place("Kupiansk")?.region, "UA-63")
        XCTAssertEqual(try place("Sievierodonetsk")?.names(Language("uk")), "Сєвєродонецьк", "a fixed Ukrainian name")
    }

    func testNeighboursNearTheBorder() throws {
        for name in ["Kursk", "Belgorod", "Sudzha", "Shebekino", "Bryansk", "Gomel"] {
            let p = try XCTUnwrap(place(name), name)
            XCTAssertNil(p.region, "\(name) is outside the regions")
        }
        XCTAssertEqual(try place("Moscow")?.role, .capital)
    }

    func testCityDistrictsAreLeftOut() throws {
        // No place of 50,000 people within 8 km of the centre of a city of a million or of Mariupol.
        for city in ["Kyiv", "Kharkiv", "Odesa", "Dnipro", "Mariupol"] {
            let c = try place(city)!.position
            let near = try Self.places.filter { $0.names.primary != city && $0.population >= 50_000 && LineDistanceIndex.distanceKm(c, $0.position) < 8 }
            XCTAssertEqual(near.map(\.names.primary), [], city)
        }
        for district in ["Saltivka", "Darnytsya", "Pravyi Bereh", "Rutchenkivskyi"] { XCTAssertNil(try place(district), district) }
        XCTAssertNotNil(try place("Brovary"), "a town beside Kyiv is kept")
        XCTAssertNotNil(try place("Vyshneve"), "kept by the fixes")
        XCTAssertEqual(try place("Mariupol")?.population, 431_859, "the fixes' population")
    }

    func testRegionalCentres() {
        XCTAssertEqual(try place("Kyiv")?.role, .capital)
        XCTAssertEqual(try place("Kharkiv")?.role, .regional)
        XCTAssertEqual(Set(try Self.places.filter { $0.role == .regional }.compactMap(\.region)).count,
                       try Self.places.filter { $0.role == .regional }.count, "one centre per region")
        XCTAssertNil(try Self.places.first { $0.region == "UA-30" && $0.role == .regional }, "the capital is Kyiv city's centre")
    }

    func testFileRoundTripsAndBadRowsAreErrors() throws {
        let g = Gazetteer(places: Array(try Self.places.prefix(50)))
        XCTAssertEqual(try Gazetteer.parse(String(decoding: g.data(), as: UTF8.self)).places, g.places)
        let bad = Gazetteer.header([.english, Language("uk")]) + "\n1\tX\tX\tUA\t\t95\t30\t10\t\n"
        XCTAssertThrowsError(try Gazetteer.parse(bad)) { XCTAssertTrue("\($0)".contains("line 2"), "\($0)") }
        XCTAssertThrowsError(try Gazetteer.parse("id,name\n"))
    }

    /// The byte reader's numbers are the ones Swift's own parser gives, for every row.
    func testNumbersReadFromBytesAreExact() throws {
        let text = try String(contentsOf: Fixtures.bundled.appendingPathComponent(Gazetteer.fileName), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.count, try Self.places.count)
        for (row, p) in zip(rows, try Self.places) {
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
