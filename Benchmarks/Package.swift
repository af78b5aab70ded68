// swift-tools-version:6.1
//
// The benchmarks of VendorSDKs: a package of its own, so that nobody who depends on VendorSDKs
// (and no `swift build` or `swift test` of the root package) ever builds package-benchmark.
// Run them with `Scripts/bench.sh` from the repository root.

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let benchmark = Target.Dependency.product(name: "Benchmark", package: "benchmark")
let authCore = Target.Dependency.product(name: "AuthCore", package: "VendorSDKs")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")

/// A benchmark executable: `Benchmarks/<name>/`, run by package-benchmark's plugin.
func suite(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [benchmark, "BenchmarkSupport", authCore, httpTypes] + dependencies,
        path: "Benchmarks/\(name)",
        swiftSettings: strictSettings,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "VendorSDKsBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "VendorSDKs", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // What the suites share: generated Business Central pages, the plain comparison struct,
        // a loopback HTTP server and an in-memory page source.
        .target(
            name: "BenchmarkSupport",
            dependencies: [benchmark, authCore, httpTypes],
            swiftSettings: strictSettings
        ),
        suite(
            "Decoding",
            [
                .product(name: "OdynKit", package: "VendorSDKs"),
                .product(name: "FlowerhubKit", package: "VendorSDKs"),
            ]),
        suite("Pipeline", []),
        // ViessmannKit's features payload: parse and flatten vs plain Codable structs.
        suite("ViessmannDecoding", [.product(name: "ViessmannKit", package: "VendorSDKs")]),
        suite("Streaming", [.product(name: "OdynKit", package: "VendorSDKs")]),
        // The only suite that builds SwiftNIO (through AsyncHTTPClient).
        suite("Transports", [.product(name: "AuthCoreAsyncHTTPClient", package: "VendorSDKs")]),
    ]
)
