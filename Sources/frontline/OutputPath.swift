import Foundation
import FrontlineControl

/// Where an output goes: the user's `-o`, or `Output/<defaultName>` under the current folder
/// (created when missing). A user's folder must exist: writing elsewhere is a surprise.
enum OutputPath {
    static func resolve(_ output: String?, defaultName: String) throws -> URL {
        if let output { return URL(fileURLWithPath: output) }
        let dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Output")
        try AtomicFile.makeFolder(dir)
        return dir.appendingPathComponent(defaultName)
    }

    /// Fails now, with the exit code for an unwritable output, when `target`'s folder is
    /// missing or not writable: long work should not end in that error.
    static func checkWritable(_ target: URL) throws {
        let dir = target.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue,
              FileManager.default.isWritableFile(atPath: dir) else {
            throw FrontlineError.cannotWrite("cannot write \(target.path): folder \(dir) is missing or not writable")
        }
    }
}
