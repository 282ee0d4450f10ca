import Foundation
import FrontlineControl
import FrontlineSupport

/// Where an output goes: the user's `-o`, or `Output/<defaultName>` under the current folder
/// (created when missing). A user's folder must exist: writing elsewhere is a surprise.
enum OutputPath {
    static func resolve(_ output: String?, defaultName: String) throws -> URL {
        // Checked before any work: a 20000x20000 render should not paint for seconds and then
        // find its folder missing.
        if let output {
            let target = try AtomicFile.checkTarget(URL(fileURLWithPath: output))
            AtomicFile.removeAbandoned(for: target)
            return target
        }
        let dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Output")
        try AtomicFile.makeFolder(dir)
        return dir.appendingPathComponent(defaultName)
    }

    /// Fails now, with the exit code for an unwritable output, when `target`'s folder is
    /// missing or not writable, or `target` is not a regular file: long work should not end
    /// in that error.
    static func checkWritable(_ target: URL) throws { try AtomicFile.checkTarget(target) }
}
