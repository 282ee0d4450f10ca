import Foundation
import FrontlineTiles

/// One fuzz input, read as a PMTiles archive and as an MBTiles file to merge: the two readers
/// of `tiles merge`, which take files from anywhere. An error is a correct answer; a crash, a
/// trap, a hang or an allocation past the limit is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = Data(bytes: bytes, count: count)
    let folder = ArchiveScratch.shared.folder
    let pm = folder.appendingPathComponent("in.pmtiles"), mb = folder.appendingPathComponent("in.mbtiles")
    if (try? data.write(to: pm)) != nil {
        _ = try? PMTilesWriter.merge([pm], into: folder.appendingPathComponent("out.pmtiles"))
    }
    if (try? data.write(to: mb)) != nil {
        _ = try? MBTilesWriter.merge([mb], into: folder.appendingPathComponent("out.mbtiles"))
    }
    return 0
}

/// A scratch folder in memory for the inputs and the merged outputs.
final class ArchiveScratch: @unchecked Sendable {  // used by libFuzzer's one thread only
    static let shared = ArchiveScratch()
    let folder: URL

    init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        folder = URL(fileURLWithPath: base).appendingPathComponent("frontline-fuzz-archives-\(getpid())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FrontlineFuzzArchives_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var args = argv
    return LLVMFuzzerRunDriver(&count, &args) { fuzzOne($0, $1) }
}
