import Foundation
import XCTest
import FrontlineControl
@testable import FrontlineRender

/// Nothing of Ukraine is written into the code: an invented dataset (two counties, two
/// snapshots, in Fixtures/testland) is measured, drawn and reported in its own words.
final class SecondDatasetTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/testland")
    let words = ["Ukrain", "Україн", "oblast", "област", "Russia", "Росі", "2022", "Kyiv", "Київ", "GSHHG", "DeepState"]

    func assertNoUkraine(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for w in words { XCTAssertFalse(text.contains(w), "\(what) says '\(w)'", file: file, line: line) }
    }

    func testMeasuredDrawnAndReportedInItsOwnWords() throws {
        let dataset = try Dataset(folder: Self.folder)
        let state = try dataset.control(asOf: DayDate("2026-02-01")!)
        XCTAssertEqual(state.region("AA-02")!.percent(.occupied), 80, accuracy: 0.5)
        XCTAssertEqual(state.region("AA-01")!.percent(.occupied), 0)
        let json = StatsFormatter(nationalName: dataset.info.title).json(state)
        XCTAssertTrue(json.contains("\"name\":\"Testland\""))
        assertNoUkraine(json, "stats")

        var options = MapOptions()
        options.format = .svg
        options.regions = ["AA-02"]
        let svg = String(decoding: try MapRenderer(dataset: dataset).render(date: DayDate("2026-02-01")!, options: options).data, as: UTF8.self)
        XCTAssertTrue(svg.contains("Birch County"), "the region titled by its kind")
        XCTAssertTrue(svg.contains("Held by the North"), "the dataset's legend wording")
        assertNoUkraine(svg, "map")
        options.language = try dataset.language("uk")
        let uk = String(decoding: try MapRenderer(dataset: dataset).render(date: DayDate("2026-02-01")!, options: options).data, as: UTF8.self)
        XCTAssertTrue(uk.contains("округ Береза"), "the kind's Ukrainian template")
        assertNoUkraine(uk, "Ukrainian map")

        let png = try MapRenderer(dataset: dataset).png(date: DayDate("2026-02-01")!)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])

        let report = try ReportBuilder(dataset: dataset).build(from: DayDate("2026-01-01")!, to: DayDate("2026-02-01")!)
        let html = report.html()
        XCTAssertTrue(report.summary.contains("the held area of Testland grew"), report.summary)
        XCTAssertTrue(report.summary.contains("Birch County"), report.summary)
        XCTAssertTrue(html.contains("Testland is 48,507 km² of invented land."), "the dataset's method note with its land area")
        assertNoUkraine(html, "report")
    }

    /// A language no code knows: the dataset lists German, names its regions in it and brings
    /// a catalogue of the tool's words; the map speaks German with no code changed.
    func testALanguageOnlyTheDatasetKnows() throws {
        let dataset = try Dataset(folder: Self.folder)
        XCTAssertEqual(dataset.languages.map(\.code), ["en", "uk", "de"])
        var options = MapOptions()
        options.format = .svg
        options.regions = ["AA-02"]
        options.language = try dataset.language("de")
        let svg = String(decoding: try MapRenderer(dataset: dataset).render(date: DayDate("2026-02-01")!, options: options).data, as: UTF8.self)
        XCTAssertTrue(svg.contains("Landkreis Birke: Gebietskontrolle am 1 Februar 2026"), "the German title, name and month")
        XCTAssertTrue(svg.contains("Frontlinie"), "the catalogue's word for the front line")
        XCTAssertTrue(svg.contains("Vom Norden gehalten"), "the dataset's legend wording in German")
        // A language the dataset does not list is refused, naming those it has.
        XCTAssertThrowsError(try dataset.language("fr")) { XCTAssertTrue("\($0)".contains("en, uk, de"), "\($0)") }
    }
}
