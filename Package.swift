// swift-tools-version:6.0
import PackageDescription

// Layering (DESIGN.md): C shims < FrontlineGeo < FrontlineControl < (render, tiles, server) < frontline CLI.
let package = Package(
    name: "Frontline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "frontline", targets: ["frontline"]),
        .library(name: "FrontlineGeo", targets: ["FrontlineGeo"]),
        .library(name: "FrontlineControl", targets: ["FrontlineControl"]),
        .library(name: "FrontlineRender", targets: ["FrontlineRender"]),
        .library(name: "FrontlineTiles", targets: ["FrontlineTiles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CGIF", providers: [.apt(["libgif-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "FrontlineGeo", dependencies: ["CGEOS", "CPROJ"]),
        .target(name: "FrontlineControl", dependencies: ["FrontlineGeo"]),
        .target(name: "FrontlineRender", dependencies: ["FrontlineGeo", "FrontlineControl", "CCairo", "CZlib", "CGIF"]),
        .target(name: "FrontlineTiles", dependencies: ["FrontlineGeo", "FrontlineControl", "FrontlineRender", "CSQLite"]),
        .executableTarget(
            name: "frontline",
            dependencies: [
                "FrontlineControl", "FrontlineGeo", "FrontlineRender", "FrontlineTiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FrontlineGeoTests", dependencies: ["FrontlineGeo"]),
        .testTarget(name: "FrontlineControlTests", dependencies: ["FrontlineControl"]),
        .testTarget(name: "FrontlineRenderTests", dependencies: ["FrontlineRender"]),
        .testTarget(name: "FrontlineTilesTests", dependencies: ["FrontlineTiles"]),
        .testTarget(name: "FrontlineCLITests", dependencies: ["frontline", "FrontlineRender"]),
    ],
    swiftLanguageModes: [.v5]
)
