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
}
