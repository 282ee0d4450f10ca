import Foundation
import XCTest

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

    func testBadInputWritesNothing() throws {
        let dir = try CLI.tempDir()
        let cases: [([String], Int32)] = [
            (["report", "--from", "2026-02-05", "--to", "2026-02-05", "-o", dir.appendingPathComponent("r.html").path], 64),
            (["report", "--from", "2026-01-05", "--to", "2026-02-05", "-o", dir.appendingPathComponent("r.docx").path], 64),
            (["report", "--from", "2026-01-05", "--to", "2026-02-05", "-o", "/nonexistent-folder/r.html"], 73),
            (["chart", "--from", "2026-02-05", "--to", "2026-01-05", "-o", dir.appendingPathComponent("c.png").path], 64),
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
