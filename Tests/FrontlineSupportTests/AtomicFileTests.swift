import Foundation
import XCTest
import FrontlineSupport
import FrontlineTestSupport

/// Files written whole, in place of what was there: links replaced, not followed.
final class AtomicFileTests: XCTestCase {
    func mode(_ url: URL) throws -> Int { (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1 }

    func testALinkIsReplacedAndItsTargetLeftAlone() throws {
        let dir = try TemporaryFolder.make("atomic")
        let victim = dir.appendingPathComponent("victim"), link = dir.appendingPathComponent("out.txt")
        try Data("keep".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        try AtomicFile.write(Data("new".utf8), to: link)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep")
        XCTAssertEqual(try String(contentsOf: link, encoding: .utf8), "new")
        XCTAssertNil(try? FileManager.default.destinationOfSymbolicLink(atPath: link.path), "the link itself was replaced")
    }

    func testTheTargetKeepsTheNameTyped() throws {
        let dir = try TemporaryFolder.make("atomic")
        let link = dir.appendingPathComponent("map.png")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: dir.appendingPathComponent("elsewhere.dat"))
        XCTAssertEqual(try AtomicFile.checkTarget(link).lastPathComponent, "map.png")
    }

    func testAReplacedFileKeepsItsMode() throws {
        let dir = try TemporaryFolder.make("atomic")
        let file = dir.appendingPathComponent("secret.csv")
        try Data("old".utf8).write(to: file)
        chmod(file.path, 0o600)
        try AtomicFile.write(Data("new".utf8), to: file)
        XCTAssertEqual(try mode(file), 0o600)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "new")
    }

    func testAFolderThatIsALinkIsNotFilled() throws {
        let dir = try TemporaryFolder.make("atomic"), elsewhere = try TemporaryFolder.make("atomic")
        let images = dir.appendingPathComponent("images")
        try FileManager.default.createSymbolicLink(at: images, withDestinationURL: elsewhere)
        XCTAssertThrowsError(try AtomicFile.ownFolder(images)) { e in
            XCTAssertEqual((e as? FrontlineError)?.exitCode, 73)
        }
        XCTAssertThrowsError(try AtomicFile.stagingFolder(for: images, what: "tiles") { _ in })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    func testADeviceIsNotReplaced() throws {
        XCTAssertThrowsError(try AtomicFile.checkTarget(URL(fileURLWithPath: "/dev/null"))) { e in
            XCTAssertTrue("\(e)".contains("not a regular file"), "\(e)")
        }
    }
}
