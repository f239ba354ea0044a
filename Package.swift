// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "timelined",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "timelined", targets: ["timelined"]),
        .executable(name: "timelinectl", targets: ["timelinectl"]),
        // For the fuzz targets in Fuzz/, a package of their own that depends on this one by path.
        .library(name: "TimelineCore", targets: ["TimelineCore"]),
        .library(name: "EventExtraction", targets: ["EventExtraction"]),
        .library(name: "ArticleConversion", targets: ["ArticleConversion"]),
        .library(name: "TimelineProtocol", targets: ["TimelineProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Domain types only: no I/O.
        .target(name: "TimelineCore"),

        // libinotifytools ships no .pc file on Debian 12, hence no pkgConfig.
        .systemLibrary(
            name: "CInotifyTools",
            path: "Sources/CInotifyTools",
            providers: [.apt(["libinotifytools0-dev"])]
        ),
        .target(
            name: "DropWatcher",
            dependencies: [
                "CInotifyTools",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .target(
            name: "EventExtraction",
            dependencies: ["TimelineCore"],
            resources: [.copy("Resources")]
        ),

        // libxml2's HTML parser, for articles saved from a browser.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The two Linux calls the pdftotext runner needs that Swift's Glibc module leaves out.
        .target(name: "CSubprocess"),
        // File bytes to article text and metadata: encodings (iconv), HTML (libxml2), PDF (pdftotext).
        .target(
            name: "ArticleConversion",
            dependencies: ["CLibXML2", "CSubprocess", "EventExtraction", "TimelineCore"],
            resources: [.copy("Resources")]
        ),

        .target(
            name: "EventLog",
            dependencies: [
                "TimelineCore",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        .target(
            name: "TimelineProtocol",
            dependencies: [
                "TimelineCore",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TimelineServer",
            dependencies: [
                "TimelineProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "TimelineClient",
            dependencies: [
                "TimelineProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // Wiring: configuration, ingestion, systemd; the only target that sees every module.
        .target(
            name: "TimelineDaemon",
            dependencies: [
                "TimelineCore", "DropWatcher", "EventExtraction", "EventLog", "TimelineProtocol",
                "TimelineServer", "ArticleConversion",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "timelined",
            dependencies: [
                "TimelineDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures start-up, memory, query latency and throughput, and drop-to-queryable
        // time against the real daemon (scripts/bench); not a test.
        .executableTarget(
            name: "timelined-bench",
            dependencies: [
                "TimelineCore", "EventLog", "TimelineProtocol", "TimelineClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Pure formatting of events: CSV, iCalendar, the HTML page, JSON lines, terminal lines.
        .target(name: "TimelineExport", dependencies: ["TimelineCore"]),
        // Speed of the tagger and of the whole extractor on one core (scripts/bench-extract); not a test.
        .executableTarget(
            name: "extraction-bench",
            dependencies: ["EventExtraction", "TimelineCore"]
        ),
        .executableTarget(
            name: "timelinectl",
            dependencies: [
                "TimelineCore", "TimelineProtocol", "TimelineClient", "EventExtraction", "EventLog",
                "ArticleConversion", "TimelineExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "TimelineCoreTests", dependencies: ["TimelineCore"]),
        .testTarget(name: "TimelineExportTests", dependencies: ["TimelineExport", "TimelineCore"]),
        .testTarget(name: "DropWatcherTests", dependencies: ["DropWatcher"]),
        .testTarget(name: "EventExtractionTests", dependencies: ["EventExtraction", "TimelineCore"]),
        .testTarget(
            name: "ArticleConversionTests",
            dependencies: ["ArticleConversion", "EventExtraction", "TimelineCore"]
        ),
        .testTarget(
            name: "EventLogTests",
            dependencies: ["EventLog", "TimelineCore", .product(name: "NIOPosix", package: "swift-nio")]
        ),
        .testTarget(
            name: "TimelineProtocolTests",
            dependencies: [
                "TimelineProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "TimelineDaemonTests",
            dependencies: ["TimelineDaemon", "TimelineServer", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["timelined", "timelinectl", "TimelineClient", "TimelineProtocol", "TimelineCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
