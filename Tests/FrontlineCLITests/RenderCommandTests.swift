import Foundation
import XCTest

final class RenderCommandTests: XCTestCase {
    func testDefaultOutputIsAPNGUnderOutput() throws {
        let dir = try CLI.tempDir()
        let r = try CLI.run(["render", "--date", "2026-02-05", "--size", "800x600"], cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let png = try Data(contentsOf: dir.appendingPathComponent("Output/control-2026-02-05.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    func testSVGAndPDFAreByteIdenticalAcrossRuns() throws {
        let dir = try CLI.tempDir()
        for ext in ["svg", "pdf", "png"] {
            var outputs: [Data] = []
            for n in 0..<2 {
                let path = dir.appendingPathComponent("m\(n).\(ext)").path
                let r = try CLI.run(["render", "--date", "2026-02-05", "--size", "800x600", "-o", path])
                XCTAssertEqual(r.status, 0, r.stderr)
                outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            XCTAssertEqual(outputs[0], outputs[1], ext)
        }
    }

    func testBadInputLeavesNothingBehind() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("map.png").path
        let cases: [([String], Int32)] = [
            (["--region", "UA-99", "-o", out], 64),
            (["--size", "0x600", "-o", out], 64),
            (["--size", "20001x600", "-o", out], 64),
            (["--size", "big", "-o", out], 64),
            (["--theme", "neon", "-o", out], 64),
            (["--lang", "fr", "-o", out], 64),
            (["-o", dir.appendingPathComponent("map.gif").path], 64),
            (["-o", "/nonexistent-folder/map.png"], 73),
            (["--date", "2021-01-01", "-o", out], 66),
        ]
        for (args, code) in cases {
            let full = ["render"] + (args.contains("--date") ? [] : ["--date", "2026-02-05"]) + args
            let r = try CLI.run(full)
            XCTAssertEqual(r.status, code, "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.isEmpty, "\(args)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "\(args) left a file")
        }
    }

    func testUnwritableTargetsAreCannotWrite() throws {
        // Work as root too: a target that is a folder, and a read-only file system.
        let dir = try CLI.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("taken.png"), withIntermediateDirectories: false)
        let r = try CLI.run(["render", "--date", "2026-02-05", "-o", dir.appendingPathComponent("taken.png").path])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["taken.png"], "no temporary file left")
        let proc = try CLI.run(["render", "--date", "2026-02-05", "-o", "/proc/frontline-map.png"])
        XCTAssertEqual(proc.status, 73, proc.stderr)
    }
}
