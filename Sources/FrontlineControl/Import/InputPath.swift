import Foundation
import FrontlineSupport

/// Files and folders of outside inputs named on a command line: one place for the two errors
/// every reader of them gives (no such path; a folder that cannot be listed).
public enum InputPath {
    /// True for a folder, false for a file; an error when nothing is at `path`.
    public static func isFolder(_ path: String) throws -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FrontlineError.missingInput("no such file or folder: \(path)")
        }
        return isDir.boolValue
    }

    /// The names in a folder, unsorted; an error when it cannot be listed.
    public static func names(in folder: URL) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw FrontlineError.missingInput("cannot read folder \(folder.path)")
        }
        return names
    }
}
