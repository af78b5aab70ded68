// swift-tools-version:6.2
//
// VendorSDKs: client libraries for five vendor cloud APIs on one shared auth-and-transport core.
//
// Each vendor kit is its own product so an app builds only the kit it uses. A kit depends on
// AuthCore alone; only the optional AsyncHTTPClient transport, BticinoKit, the sandbox and the CLI
// may pull in SwiftNIO. Adding a kit is one `kit(...)` line below plus its test target.

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
let httpTypesFoundation = Target.Dependency.product(name: "HTTPTypesFoundation", package: "swift-http-types")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let asyncHTTPClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let wsClient = Target.Dependency.product(name: "WSClient", package: "swift-websocket")
let hummingbirdWebSocket = Target.Dependency.product(name: "HummingbirdWebSocket", package: "hummingbird-websocket")

/// A vendor kit: a library product over AuthCore and its Swift Testing target.
func kit(
    _ name: String, extraDependencies: [Target.Dependency] = [], extraTestDependencies: [Target.Dependency] = []
) -> (Product, [Target]) {
    (
        .library(name: name, targets: [name]),
        [
            .target(
                name: name,
                dependencies: ["AuthCore", httpTypes, logging] + extraDependencies,
                swiftSettings: strictSettings
            ),
            .testTarget(
                name: "\(name)Tests",
                dependencies: [.target(name: name), "AuthCore", "TestSupport", "VendorFixtures", httpTypes, logging]
                    + extraTestDependencies,
                swiftSettings: strictSettings
            ),
        ]
    )
}

let kits: [(Product, [Target])] = [
    kit("FlowerhubKit"),
    kit("OdynKit"),
    kit(
        "BticinoKit", extraDependencies: [wsClient, nioCore],
        extraTestDependencies: [hummingbird, hummingbirdWebSocket]),
    kit("ViessmannKit"),
    kit("UtecKit"),
]

let package = Package(
    name: "VendorSDKs",
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11)],
    products: [
        .library(name: "AuthCore", targets: ["AuthCore"]),
        // Optional: an HTTPTransport over AsyncHTTPClient for server apps. The only product that
        // pulls in SwiftNIO: apps that do not use it never build NIO (SwiftPM still resolves it).
        .library(name: "AuthCoreAsyncHTTPClient", targets: ["AuthCoreAsyncHTTPClient"]),
        // A loopback emulator of the vendor APIs, with fault injection and request recording, for
        // integration tests (ours and apps'). It pulls in Hummingbird and SwiftNIO; the kits do not.
        .library(name: "VendorSandbox", targets: ["VendorSandbox"]),
    ] + kits.map(\.0) + [.executable(name: "vendorctl", targets: ["vendorctl"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // The sandbox's HTTP server. Its default traits add swift-configuration, which the sandbox does not use.
        .package(
            url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        // Hummingbird's own service runner; the sandbox uses it to stop its server gracefully.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // `swift package generate-documentation` (Scripts/docs.sh); a command plugin, linked into no product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // BticinoKit's push websocket client, and the sandbox's websocket server.
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
    ],
    targets: [
        .target(
            name: "AuthCore",
            dependencies: [httpTypes, httpTypesFoundation, logging, crypto],
            swiftSettings: strictSettings
        ),
        .target(
            name: "AuthCoreAsyncHTTPClient",
            dependencies: ["AuthCore", asyncHTTPClient, nioCore, nioHTTP1, nioPosix, nioSSL, httpTypes],
            swiftSettings: strictSettings
        ),
        // The JSON fixtures every test, the sandbox and the CLI share, loaded through Bundle.module.
        .target(
            name: "VendorFixtures",
            path: "Fixtures",
            exclude: ["README.md"],
            resources: [
                .copy("authcore"), .copy("flowerhub"), .copy("odyn"), .copy("bticino"), .copy("viessmann"),
                .copy("utec"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["AuthCore", "VendorFixtures", httpTypes, logging],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AuthCoreTests",
            dependencies: [
                "AuthCore", "TestSupport", "VendorFixtures", httpTypes, httpTypesFoundation, logging, crypto,
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AuthCoreAsyncHTTPClientTests",
            dependencies: [
                "AuthCoreAsyncHTTPClient", "AuthCore", "TestSupport", asyncHTTPClient, nioCore, nioHTTP1, nioPosix,
                nioSSL, httpTypes,
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "VendorSandbox",
            dependencies: [
                "VendorFixtures", hummingbird, hummingbirdWebSocket, serviceLifecycle, nioCore, httpTypes, logging,
                crypto,
            ],
            swiftSettings: strictSettings
        ),
        // Integration: every kit over real sockets (URLSession and AsyncHTTPClient) against the sandbox,
        // and the fault matrix.
        .testTarget(
            name: "VendorSandboxTests",
            dependencies: [
                "VendorSandbox", "AuthCore", "AuthCoreAsyncHTTPClient", "TestSupport", "VendorFixtures", httpTypes,
                logging,
            ] + kits.map { .target(name: $0.0.name) },
            swiftSettings: strictSettings
        ),
        // Compiles the README's code blocks and checks that README.md shows exactly that code.
        .testTarget(
            name: "ReadmeTests",
            dependencies: ["AuthCore", "AuthCoreAsyncHTTPClient"] + kits.map { .target(name: $0.0.name) } + [
                httpTypes, logging,
            ],
            swiftSettings: strictSettings
        ),
        // The command-line tool: its commands live in VendorCtlCore so tests run them in-process.
        .target(
            name: "VendorCtlCore",
            dependencies: [
                "AuthCore", "AuthCoreAsyncHTTPClient", "VendorSandbox", argumentParser, httpTypes, logging,
            ] + kits.map { .target(name: $0.0.name) },
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "vendorctl", dependencies: ["VendorCtlCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "VendorCtlCoreTests",
            dependencies: [
                "VendorCtlCore", "VendorSandbox", "AuthCore", "AuthCoreAsyncHTTPClient", "TestSupport",
                "VendorFixtures", httpTypes,
            ] + kits.map { .target(name: $0.0.name) },
            swiftSettings: strictSettings
        ),
    ] + kits.flatMap(\.1)
)
