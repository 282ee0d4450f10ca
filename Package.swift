// swift-tools-version:6.0
import PackageDescription

// Layering (DESIGN.md): C shims, FrontlineSupport < FrontlineGeo < FrontlineControl < (render, tiles, export) < server < frontline CLI.
// Render, Tiles and Export do not import one another: the server and the CLI join them.
let package = Package(
    name: "Frontline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontline", targets: ["frontline"]),
        .library(name: "FrontlineSupport", targets: ["FrontlineSupport"]),
        .library(name: "FrontlineGeo", targets: ["FrontlineGeo"]),
        .library(name: "FrontlineControl", targets: ["FrontlineControl"]),
        .library(name: "FrontlineRender", targets: ["FrontlineRender"]),
        .library(name: "FrontlineTiles", targets: ["FrontlineTiles"]),
        .library(name: "FrontlineExport", targets: ["FrontlineExport"]),
        .library(name: "FrontlineUpdate", targets: ["FrontlineUpdate"]),
        .library(name: "FrontlineServer", targets: ["FrontlineServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        // Hummingbird's own NIO, named for the server's HTTP/1 handler (HTTP10Closing.swift).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CGIF", providers: [.apt(["libgif-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // A constructor that guards descriptor 1 before anything opens a file (the CLI only).
        .target(name: "CStartup"),
        // PROJ, loaded with dlopen when first needed (its libraries are most of a start's cost).
        .target(name: "CPROJ"),
        // libcurl, loaded with dlopen by the first fetch (only `update` fetches).
        .target(name: "CCurl"),
        // What every module uses: errors and exit codes, atomic files, locks and parallel work.
        .target(name: "FrontlineSupport", dependencies: ["CSQLite"]),
        .target(name: "FrontlineGeo", dependencies: ["FrontlineSupport", "CGEOS", "CPROJ"]),
        .target(name: "FrontlineControl", dependencies: ["FrontlineSupport", "FrontlineGeo", "CZlib", "CDeflate"]),
        .target(name: "FrontlineRender", dependencies: ["FrontlineSupport", "FrontlineGeo", "FrontlineControl", "CCairo", "CZlib", "CDeflate", "CGIF"]),
        .target(name: "FrontlineTiles", dependencies: [
            "FrontlineSupport", "FrontlineGeo", "FrontlineControl", "CSQLite", "CZlib",
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ], exclude: ["MVT/vector_tile.proto"]),
        // Data out and in: GeoJSON, GeoPackage, KML and CSV exports, the embeddable page.
        .target(name: "FrontlineExport", dependencies: ["FrontlineSupport", "FrontlineGeo", "FrontlineControl"]),
        // Bringing the data up to date over HTTP (libcurl): fetch, check, import atomically.
        .target(name: "FrontlineUpdate", dependencies: ["FrontlineSupport", "FrontlineControl", "CCurl"]),
        .target(name: "FrontlineServer", dependencies: [
            "FrontlineSupport", "FrontlineGeo", "FrontlineControl", "FrontlineRender", "FrontlineTiles",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .executableTarget(
            name: "frontline",
            dependencies: [
                "CStartup", "FrontlineSupport", "FrontlineControl", "FrontlineGeo", "FrontlineRender", "FrontlineTiles", "FrontlineServer", "FrontlineExport", "FrontlineUpdate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Temporary folders that test runs clean up after themselves.
        .target(name: "FrontlineTestSupport", path: "Tests/FrontlineTestSupport"),
        .testTarget(name: "FrontlineGeoTests", dependencies: ["FrontlineGeo"]),
        .testTarget(name: "FrontlineControlTests", dependencies: ["FrontlineControl", "FrontlineTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "FrontlineRenderTests", dependencies: ["FrontlineRender", "FrontlineTestSupport"], exclude: ["Fixtures"]),
        // The pyramid tests draw with Render's tile renderer (Tiles itself does not import Render).
        .testTarget(name: "FrontlineTilesTests", dependencies: ["FrontlineTiles", "FrontlineRender", "FrontlineTestSupport", "CSQLite"]),
        .testTarget(name: "FrontlineExportTests", dependencies: ["FrontlineExport", "FrontlineTestSupport", "CSQLite"]),
        .testTarget(name: "FrontlineSupportTests", dependencies: ["FrontlineSupport", "FrontlineTestSupport"]),
        .testTarget(name: "FrontlineServerTests", dependencies: [
            "FrontlineServer", "FrontlineTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "FrontlineCLITests", dependencies: ["frontline", "FrontlineSupport", "FrontlineRender", "FrontlineTiles", "FrontlineUpdate", "FrontlineTestSupport"],
                    exclude: ["References"]),
    ],
    swiftLanguageModes: [.v6]
)
