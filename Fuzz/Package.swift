// swift-tools-version:6.0
import PackageDescription

// libFuzzer over Frontline's readers: the GeoJSON reader, the snapshot reader and every
// importer (FrontlineFuzz); the PMTiles and MBTiles readers of `tiles merge`
// (FrontlineFuzzArchives). Its own package, so that the fuzzer's instrumentation never
// reaches the main build: `../scripts/fuzz.sh SECONDS` builds it with -sanitize=fuzzer and
// runs each target.
let package = Package(
    name: "FrontlineFuzz",
    // The script links the repository as .root/frontline: a path package is named after its
    // folder, and a clone may sit in a folder of any name.
    dependencies: [.package(path: ".root/frontline")],
    targets: [
        .executableTarget(name: "FrontlineFuzz", dependencies: [.product(name: "FrontlineControl", package: "frontline")]),
        // The readers of `tiles merge`: PMTiles archives and MBTiles files (seeds: corpus-archives).
        .executableTarget(name: "FrontlineFuzzArchives", dependencies: [.product(name: "FrontlineTiles", package: "frontline")]),
    ],
    swiftLanguageModes: [.v5]
)
