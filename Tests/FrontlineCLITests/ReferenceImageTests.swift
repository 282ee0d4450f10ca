import Foundation
import XCTest
import FrontlineRender
import FrontlineTestSupport

/// Reference pictures (Mapnik's visual tests): a few maps, a change map and a chart drawn
/// from the bundled data and compared with the PNGs kept in `References/`, within a
/// tolerance, so that a change to a picture nobody meant is seen. After an intended change,
/// `scripts/update-references.sh` draws them again; look at them before committing.
final class ReferenceImageTests: XCTestCase {
    /// A pixel differs when a channel moves by more than this (of 255): antialiasing noise
    /// from another FreeType or pixman build stays below it.
    static let channelTolerance = 24.0 / 255
    /// A picture differs when more than this share of its pixels do: 0.1 % of 800x600 is
    /// 480 pixels, less than one moved town name (its old and its new place).
    static let pixelShare = 0.001

    static let pictures: [(name: String, args: [String])] = [
        ("national-2026-02-05", ["render", "--date", "2026-02-05", "--size", "800x600"]),
        ("donetsk-2026-08-22", ["render", "--date", "2026-08-22", "--region", "UA-14", "--size", "800x600"]),
        ("print-uk-2024-09-01", ["render", "--date", "2024-09-01", "--theme", "print", "--lang", "uk", "--size", "800x600"]),
        ("change-kharkiv-2022", ["diff", "--from", "2022-09-01", "--to", "2022-10-05", "--region", "UA-63", "--size", "800x600"]),
        ("chart-occupied", ["chart", "--from", "2022-02-24", "--to", "2026-08-22", "--size", "800x450"]),
    ]

    static var folder: URL { CLI.root.appendingPathComponent("Tests/FrontlineCLITests/References") }
    static var updating: Bool { ProcessInfo.processInfo.environment["FRONTLINE_UPDATE_REFERENCES"] == "1" }

    func testPicturesMatchTheirReferences() throws {
        let out = try CLI.tempDir()
        let data = CLI.root.appendingPathComponent("GeoData/ukraine").path
        var failures: [String] = []
        for p in Self.pictures {
            let png = out.appendingPathComponent(p.name + ".png")
            let r = try CLI.run(p.args + ["--data-dir", data, "-o", png.path])
            XCTAssertEqual(r.status, 0, "\(p.name): \(r.stderr)")
            guard r.status == 0 else { continue }
            let reference = Self.folder.appendingPathComponent(p.name + ".png")
            if Self.updating {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                _ = try? FileManager.default.removeItem(at: reference)
                try FileManager.default.copyItem(at: png, to: reference)
                continue
            }
            guard let expected = try? Data(contentsOf: reference) else {
                failures.append("\(p.name): no reference (scripts/update-references.sh draws it)")
                continue
            }
            let d = try Self.difference(RasterImage(png: try Data(contentsOf: png)), RasterImage(png: expected))
            if let d {
                let kept = try Self.keep(png, p.name)
                failures.append("\(p.name): \(d); drawn now: \(kept.path)")
            }
        }
        XCTAssert(failures.isEmpty, "pictures changed (if meant: scripts/update-references.sh, then look at them):\n" + failures.joined(separator: "\n"))
    }

    /// Nil when the two pictures agree within the tolerance, else what differs.
    static func difference(_ a: RasterImage, _ b: RasterImage) -> String? {
        guard a.width == b.width, a.height == b.height else { return "size \(a.width)x\(a.height), reference \(b.width)x\(b.height)" }
        var differing = 0
        for y in 0..<a.height { for x in 0..<a.width {
            guard let p = a.pixel(x: x, y: y), let q = b.pixel(x: x, y: y) else { continue }
            if max(abs(p.r - q.r), abs(p.g - q.g), abs(p.b - q.b), abs(p.a - q.a)) > channelTolerance { differing += 1 }
        } }
        let share = Double(differing) / Double(a.width * a.height)
        return share > pixelShare ? String(format: "%d pixels differ (%.2f %%, at most %.2f %%)", differing, 100 * share, 100 * pixelShare) : nil
    }

    /// The picture drawn now, kept under Output/references for a person to compare.
    static func keep(_ png: URL, _ name: String) throws -> URL {
        let dir = CLI.root.appendingPathComponent("Output/references")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let to = dir.appendingPathComponent(name + ".png")
        _ = try? FileManager.default.removeItem(at: to)
        try FileManager.default.copyItem(at: png, to: to)
        return to
    }

    /// The comparison itself sees a change: another date's map fails it, a second drawing of
    /// the same map passes.
    func testTheComparisonSeesAChange() throws {
        let out = try CLI.tempDir()
        func draw(_ date: String, _ name: String) throws -> RasterImage {
            let png = out.appendingPathComponent(name)
            let r = try CLI.run(["render", "--date", date, "--size", "200x150", "--no-labels",
                                 "--data-dir", CLI.root.appendingPathComponent("GeoData/ukraine").path, "-o", png.path])
            XCTAssertEqual(r.status, 0, r.stderr)
            return try RasterImage(png: Data(contentsOf: png))
        }
        let now = try draw("2026-02-05", "a.png"), before = try draw("2022-03-01", "b.png"), again = try draw("2026-02-05", "c.png")
        XCTAssertNotNil(Self.difference(now, before), "another date's map differs")
        XCTAssertNil(Self.difference(now, again), "the same map drawn twice agrees")
    }
}
