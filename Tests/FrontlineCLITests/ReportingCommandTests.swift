import Foundation
import XCTest
import FrontlineControl
import FrontlineRender

final class ReportingCommandTests: XCTestCase {
    func testReportFormats() throws {
        let dir = try CLI.tempDir()
        for name in ["r.html", "r.md", "r.pdf"] {
            let r = try CLI.run(["report", "--from", "2026-01-01", "--to", "2026-02-05", "-o", dir.appendingPathComponent(name).path])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)), ["r.html", "r.md", "r.pdf", "images"])
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("images").path)),
                       ["map.png", "change.png", "chart.png"])
    }

    /// The summary says which settlements changed hands, the largest by name.
    func testReportNamesTheSettlementsTaken() throws {
        let file = try CLI.tempDir().appendingPathComponent("r.md")
        let r = try CLI.run(["report", "--from", "2025-02-05", "--to", "2026-02-05", "--region", "UA-14", "-o", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(md.contains("27 settlements were newly occupied (108,517 people), the largest Pokrovsk (60,127)."), md)
        XCTAssertFalse(md.contains("most of it in Donetsk oblast"), "a one-region report does not name its region as the place of most change")
    }

    func testBadInputWritesNothing() throws {
        let dir = try CLI.tempDir()
        let cases: [([String], Int32)] = [
            (["report", "--from", "2026-02-05", "--to", "2026-02-05", "-o", dir.appendingPathComponent("r.html").path], 64),
            (["report", "--from", "2026-01-05", "--to", "2026-02-05", "-o", dir.appendingPathComponent("r.docx").path], 64),
            (["report", "--from", "2026-01-05", "--to", "2026-02-05", "-o", "/nonexistent-folder/r.html"], 73),
            (["chart", "--from", "2026-02-05", "--to", "2026-01-05", "-o", dir.appendingPathComponent("c.png").path], 64),
            (["chart", "--from", "2026-01-05", "--to", "2026-02-05", "--hide", "liberated", "-o", dir.appendingPathComponent("c.png").path], 64),
            (["timelapse", "--from", "2025-01-01", "--to", "2025-03-01", "--every", "0d", "-o", dir.appendingPathComponent("t.gif").path], 64),
            (["timelapse", "--from", "2025-01-01", "--to", "2025-03-01", "-o", dir.appendingPathComponent("t.png").path], 64),
            (["timelapse", "--from", "2025-01-01", "--to", "2025-03-01", "-o", "/nonexistent-folder/t.gif"], 73),
        ]
        for (args, code) in cases {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, code, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.hasPrefix("error") || $0.hasPrefix("Error") }.count, 1, "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testChartAndTimelapse() throws {
        let dir = try CLI.tempDir()
        let c = try CLI.run(["chart", "--from", "2025-01-01", "--to", "2026-01-01", "--metric", "change", "-o", dir.appendingPathComponent("c.svg").path])
        XCTAssertEqual(c.status, 0, c.stderr)
        let t = try CLI.run(["timelapse", "--from", "2025-12-01", "--to", "2026-01-01", "--every", "7d", "--size", "400x300",
                             "-o", dir.appendingPathComponent("t.gif").path])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stderr.contains("5 frames"), t.stderr)
    }
}

/// The front's length and the rate of advance as charts: the values are the series' figures.
final class ChartMetricTests: XCTestCase {
    func dataset() throws -> Dataset { try Dataset(folder: CLI.root.appendingPathComponent("GeoData/ukraine")) }

    func testFrontLengthChartUsesTheSeriesFigures() throws {
        let ds = try dataset()
        let chart = try ds.chartData(from: DayDate("2026-01-01")!, to: DayDate("2026-02-05")!, metric: .frontKm)
        let last = try XCTUnwrap(chart.lines.first?.points.last)
        XCTAssertEqual(last.date, DayDate("2026-02-05"))
        XCTAssertEqual(last.value, try ds.control(asOf: DayDate("2026-02-05")!).frontKm, accuracy: 1e-9)
        XCTAssertEqual(last.value, 1_408, accuracy: 5)
    }

    /// A rate point is the area's change since the date 30 days before, per day between the
    /// two snapshots; the chart may go below zero (Kharkiv, September 2022).
    func testRateChart() throws {
        let ds = try dataset()
        let d = DayDate("2026-02-05")!
        let chart = try ds.chartData(from: DayDate("2026-01-15")!, to: d, metric: .rate)
        let last = try XCTUnwrap(chart.lines.first?.points.last)
        let now = try ds.control(asOf: d), then = try ds.control(asOf: d.adding(days: -30))
        let expected = (now.km2(.occupied) - then.km2(.occupied)) / Double(then.snapshotDate.days(to: now.snapshotDate))
        XCTAssertEqual(last.value, expected, accuracy: 1e-9)
        XCTAssertGreaterThan(last.value, 0)
        let autumn = try ds.chartData(from: DayDate("2022-09-01")!, to: DayDate("2022-10-01")!, metric: .rate)
        XCTAssertLessThan(autumn.lines[0].points.map(\.value).min()!, -50, "the Kharkiv counter-offensive freed hundreds of km² a day")
        let dir = try CLI.tempDir()
        for metric in ["front-km", "rate"] {
            let r = try CLI.run(["chart", "--from", "2022-08-01", "--to", "2022-12-01", "--metric", metric, "-o", dir.appendingPathComponent("\(metric).svg").path])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertEqual(try CLI.run(["chart", "--from", "2022-08-01", "--to", "2022-12-01", "--metric", "speed"]).status, 64)
    }
}
