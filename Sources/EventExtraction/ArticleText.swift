import TimelineCore

/// How an article's text is marked up.
public enum ArticleFormat: String, Sendable {
    case plain, markdown
}

/// The decoded text of one article file.
public struct ArticleText: Sendable {
    public let text: String
    public let format: ArticleFormat
    /// The title the file's metadata gives (an HTML page's `og:title` or `<title>`); it wins over the first line.
    public var title: String?
    /// The document date the file's metadata gives (HTML meta tags, `<time>`, JSON-LD), used before the byline rules.
    public var documentDate: CivilDate?
    /// Where the body ends, in code points: a reference section the converter recognised starts
    /// here, and no line from here on yields events.
    public var bodyEnd: Int?

    public init(
        text: String,
        format: ArticleFormat,
        title: String? = nil,
        documentDate: CivilDate? = nil,
        bodyEnd: Int? = nil
    ) {
        self.text = text
        self.format = format
        self.title = title
        self.documentDate = documentDate
        self.bodyEnd = bodyEnd
    }

    /// Above this share of control characters (other than tab, line feed,
    /// carriage return, form feed) a file is taken to be binary.
    static let maximumControlShare = 0.05

    /// Decodes file bytes: UTF-8 with or without a byte order mark (which is stripped).
    ///
    /// The format comes from the file name: `.md`/`.markdown` are Markdown;
    /// `.txt`/`.text` or no extension are plain text.
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - fileName: the file's name (or path); only its extension is used.
    /// - Throws: `ExtractionError` with code `unsupportedFileType`, `emptyFile`,
    ///   `binaryContent` or `invalidUTF8`.
    public static func decode(_ bytes: [UInt8], fileName: String) throws -> ArticleText {
        let format = try format(ofFileNamed: fileName)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ExtractionError(code: .emptyFile, message: "\(fileName): the file is empty")
        }
        var controls = 0
        for b in body {
            if b == 0 {
                throw ExtractionError(code: .binaryContent, message: "\(fileName): binary content (NUL byte)")
            }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        if Double(controls) > Double(body.count) * maximumControlShare {
            throw ExtractionError(
                code: .binaryContent,
                message: "\(fileName): binary content (\(controls) control characters)"
            )
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw ExtractionError(code: .invalidUTF8, message: "\(fileName): not valid UTF-8")
        }
        return ArticleText(text: text, format: format)
    }

    static func format(ofFileNamed fileName: String) throws -> ArticleFormat {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return .plain }
        switch base[base.index(after: dot)...].lowercased() {
        case "md", "markdown": return .markdown
        case "txt", "text": return .plain
        case let ext:
            throw ExtractionError(
                code: .unsupportedFileType,
                message: "\(fileName): unsupported file type '.\(ext)'"
            )
        }
    }
}
