import Foundation
import XCTest
import FrontlineSupport

/// `-o` targets that are symbolic links: the link is replaced, the file it points to is left
/// alone; a folder a command fills that is a link is refused; a replaced file keeps its mode.
final class OutputLinkTests: XCTestCase {
    /// A folder with `victim` (mode 0600, "secret") and `name` a link to it.
    func linkedTarget(_ name: String) throws -> (dir: URL, victim: URL, link: URL) {
        let dir = try CLI.tempDir()
        let victim = dir.appendingPathComponent("victim.txt"), link = dir.appendingPathComponent(name)
        try Data("secret".utf8).write(to: victim)
        chmod(victim.path, 0o600)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        return (dir, victim, link)
    }

    func assertUntouched(_ victim: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "secret", file: file, line: line)
        let mode = (try FileManager.default.attributesOfItem(atPath: victim.path)[.posixPermissions] as? Int) ?? 0
        XCTAssertEqual(mode, 0o600, file: file, line: line)
    }


    // Fault: the export replaced the file the link pointed to (a new inode, mode 0644): with
    // the link in a shared folder aimed at /etc/passwd, a run as root replaced /etc/passwd.
    func testAnExportReplacesTheLinkNotItsTarget() throws {
        let t = try linkedTarget("out.geojson")
        let r = try CLI.run(["export", "--date", "2026-02-05", "--what", "regions", "-o", t.link.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        try assertUntouched(t.victim)
        XCTAssertFalse(AtomicFile.isSymbolicLink(t.link))
        XCTAssertTrue(try String(contentsOf: t.link, encoding: .utf8).contains("FeatureCollection"))
    }

    // Fault: render to a link trapped (exit 132): the format was taken from the link's target.
    func testARenderFollowsTheNameTyped() throws {
        let t = try linkedTarget("map.png")
        let r = try CLI.run(["render", "--date", "2026-02-05", "--size", "300x200", "-o", t.link.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        try assertUntouched(t.victim)
        XCTAssertEqual(Array(try Data(contentsOf: t.link).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    // Fault: the mode of a replaced file was widened from 0600 to 0644.
    func testAReplacedFileKeepsItsMode() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("regions.csv")
        try Data("old".utf8).write(to: out)
        chmod(out.path, 0o600)
        let r = try CLI.run(["export", "--date", "2026-02-05", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertNotEqual(try String(contentsOf: out, encoding: .utf8), "old")
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int) ?? 0, 0o600)
    }

    // Fault: `report -o md/r.md` wrote its images through a linked md/images into another folder.
    func testReportImagesAreNotWrittenThroughALink() throws {
        let dir = try CLI.tempDir(), elsewhere = try CLI.tempDir()
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("images"), withDestinationURL: elsewhere)
        let r = try CLI.run(["report", "--from", "2026-02-01", "--to", "2026-02-05", "-o", dir.appendingPathComponent("r.md").path])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("symbolic link"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.md").path))
    }

    // A tile folder that is a link is refused, not filled where it points.
    func testATileFolderThatIsALinkIsRefused() throws {
        let dir = try CLI.tempDir(), elsewhere = try CLI.tempDir()
        let link = dir.appendingPathComponent("tiles")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
        let r = try CLI.run(["tiles", "--date", "2026-02-05", "--zoom", "0", "-o", link.path])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("symbolic link"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
        XCTAssertTrue(AtomicFile.isSymbolicLink(link))
    }
}
