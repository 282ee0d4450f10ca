import Foundation
import FrontlineControl
import FrontlineSupport

/// Where an output goes: the user's `-o`, or `Output/<defaultName>` under the current folder
/// (created when missing). A user's folder must exist: writing elsewhere is a surprise.
enum OutputPath {
    /// The target, checked before any work (a 20000x20000 render should not paint for seconds
    /// and then find its folder missing or its target a device), with what killed runs left
    /// for it removed.
    static func resolve(_ output: String?, defaultName: String) throws -> URL {
        let url: URL
        if let output {
            url = URL(fileURLWithPath: output)
        } else {
            let dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Output")
            try AtomicFile.makeFolder(dir)
            url = dir.appendingPathComponent(defaultName)
        }
        let target = try AtomicFile.checkTarget(url)
        AtomicFile.removeAbandoned(for: target)
        return target
    }
}
