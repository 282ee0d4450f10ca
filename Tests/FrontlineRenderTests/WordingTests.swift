import Foundation
import XCTest
@testable import FrontlineControl
@testable import FrontlineRender

/// The words of a language come from the dataset's catalogue; the bundled Ukrainian one must
/// hold every sentence the pictures ask for, or a Ukrainian map would print English.
final class WordingTests: XCTestCase {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("GeoData/ukraine")

    func testTheUkrainianCatalogueHasEveryWordThePicturesAskFor() throws {
        let dataset = try Dataset(folder: Self.bundled)
        let uk = try dataset.language("uk")
        let words = try dataset.wordingRecordingMisses(uk)
        dataset.wordings.update { $0[uk.code] = words }
        let context = try MapContext(dataset: dataset)
        var o = MapOptions()
        o.format = .svg
        o.language = uk
        let maps = MapRenderer(context: context)
        _ = try maps.render(date: DayDate("2026-02-05")!, options: o)
        _ = try maps.render(date: DayDate("2022-03-27")!, options: o)  // a snapshot older than the date asked for
        var region = o
        region.regions = ["UA-14"]
        region.advancesDays = 30
        _ = try maps.render(date: DayDate("2026-02-05")!, options: region)
        region.regions = ["UA-14", "UA-23"]
        _ = try maps.render(date: DayDate("2026-02-05")!, options: region)
        _ = try DiffRenderer(context: context).render(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!, options: o)
        _ = try DiffRenderer(context: context).render(from: DayDate("2022-09-01")!, to: DayDate("2022-10-05")!, options: o)
        for metric in ChartMetric.allCases {
            var c = ChartRenderer.Options()
            c.language = uk
            c.metric = metric
            _ = try ChartRenderer(dataset: dataset).render(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!, options: c)
        }
        var r = ReportBuilder.Options()
        r.language = uk
        let report = try ReportBuilder(context: context).build(from: DayDate("2025-02-05")!, to: DayDate("2026-02-05")!, options: r)
        _ = report.html()
        _ = report.markdown()
        XCTAssertEqual(words.missing.sorted(), [], "sentences wording/uk.json lacks")
        XCTAssertTrue(report.summary.contains("площа"), report.summary)
    }

    /// A catalogue that is not one is refused when the language is chosen, naming the file.
    func testABrokenCatalogueIsRefusedNamingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wording-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: SecondDatasetTests.folder, to: folder)
        try Data("{\"months\": [\"one\"], \"words\": {}}".utf8).write(to: folder.appendingPathComponent("wording/de.json"))
        let dataset = try Dataset(folder: folder)
        XCTAssertThrowsError(try dataset.language("de")) { XCTAssertTrue("\($0)".contains("de.json: 'months' must list 12 months"), "\($0)") }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("wording/de.json"))
        XCTAssertThrowsError(try Dataset(folder: folder).language("de")) { XCTAssertTrue("\($0)".contains("de.json"), "\($0)") }
    }
}
