import Foundation

@testable import ArticleConversion

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/formats").standardized

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static var devDocs: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/eval/dev/docs").standardized
    }

    static var devDocsPresent: Bool { FileManager.default.fileExists(atPath: devDocs.path) }

    /// The dev articles' names without extension.
    static let devStems = [
        "000_b398dd44d05fb1dd", "001_1e97ce8a06d1d434", "002_91778eeb6acd0887", "003_2b11f01eb571d515",
        "004_3f4a253cfd5bcaac",
    ]

    static func converter(_ fallbacks: [String] = ArticleConverter.defaultFallbackEncodings) throws -> ArticleConverter
    {
        try ArticleConverter(fallbackEncodings: fallbacks)
    }
}
