// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, kept out of the main package so that `swift build` and
// `swift test` there never see `-sanitize=fuzzer`. Build and run them with
// `scripts/fuzz TARGET SECONDS`.
let package = Package(
    name: "timelined-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "timelined", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzExtractor",
            dependencies: [
                .product(name: "EventExtraction", package: "timelined"),
                .product(name: "TimelineCore", package: "timelined"),
            ],
            // libFuzzer brings `main`; the file is a library with an entry point.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzConversion",
            dependencies: [
                .product(name: "ArticleConversion", package: "timelined"),
                .product(name: "EventExtraction", package: "timelined"),
                .product(name: "TimelineCore", package: "timelined"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzRequest",
            dependencies: [.product(name: "TimelineProtocol", package: "timelined")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
