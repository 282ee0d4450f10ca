import Foundation
import FrontlineControl
import FrontlineGeo

/// One fuzz input, read by every reader that takes outside bytes. An error is a correct
/// answer; a crash, a trap or a hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let data = Data(bytes: bytes, count: count)
    _ = try? GeoJSONReader.read(data)
    // The binary outlines: the collection decoder, and a store's index.
    _ = GeoJSONBinary.decode(data)
    _ = OutlineStore(data)
    // The snapshot pack's parser, past its checksum: every entry decoded and keyed.
    if let pack = try? SnapshotPack(data, url: FuzzWorld.shared.folder.appendingPathComponent("fuzz.pack"), verifyingChecksum: false) {
        for n in pack.dates.indices {
            _ = try? pack.collection(n)
            _ = pack.content(n)
        }
    }
    for (name, format) in FuzzWorld.shared.files {
        let url = FuzzWorld.shared.folder.appendingPathComponent(name)
        guard (try? data.write(to: url)) != nil else { continue }
        if let format {
            var importer = try? SnapshotImporter(format: format, source: "fuzz", regions: FuzzWorld.shared.regions)
            importer?.date = DayDate("2025-01-01")
            _ = try? importer?.read(url) { _ in }
        } else {
            _ = try? SnapshotFile.read(url)
        }
    }
    return 0
}

/// What every input shares: the bundled regions (read once) and a scratch folder in memory.
final class FuzzWorld: @unchecked Sendable {  // used by libFuzzer's one thread only
    static let shared = FuzzWorld()
    let regions: RegionSet
    let folder: URL
    /// File names each reader accepts; nil format: the project's own snapshot file.
    let files: [(String, ImportFormat?)] = [
        ("1700000000.geojson", .deepstateRaw), ("deepstatemap_data_20250101.geojson", .deepstate),
        ("2022-03-01.json", .nzz), ("mine.geojson", .geojson), ("2025-01-01.geojson", nil),
    ]

    init() {
        let data = ProcessInfo.processInfo.environment["FRONTLINE_DATA"] ?? "GeoData/ukraine"
        regions = try! Dataset(folder: URL(fileURLWithPath: data)).regions
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        folder = URL(fileURLWithPath: base).appendingPathComponent("frontline-fuzz-\(getpid())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
}

/// SwiftPM links an executable target's entry as `<module>_main`; libFuzzer's driver does the rest.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FrontlineFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var args = argv
    return LLVMFuzzerRunDriver(&count, &args) { fuzzOne($0, $1) }
}
