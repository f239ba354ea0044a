import EventExtraction
import TimelineCore

/// The formats an article file arrives in, by its name.
public enum SourceFormat: String, Sendable, Codable {
    case text, markdown, html, pdf

    /// `.txt`/`.text`/no extension, `.md`/`.markdown`, `.html`/`.htm`/`.xhtml`, `.pdf`.
    public init?(fileName: String) {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else {
            self = .text
            return
        }
        switch base[base.index(after: dot)...].lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        case "pdf": self = .pdf
        default: return nil
        }
    }
}

/// One file's article text and what the file says about itself.
public struct ConvertedArticle: Sendable {
    /// What the extractor reads: the text (offsets and evidence refer to it), its markup, and the
    /// title, document date and body end the file gave.
    public var article: ArticleText
    public var format: SourceFormat
    /// The encoding the bytes were read in (`UTF-8`, `UTF-16LE`, `GB18030`…); `binary` for a PDF.
    public var encoding: String
    /// Where `article.documentDate` came from (`meta article:published_time`, `time datetime`,
    /// `JSON-LD datePublished`), if it came from anywhere.
    public var dateSource: String?
}

/// Turns a file's bytes into article text plus metadata; the one place that knows file formats.
///
/// Pure apart from running `pdftotext` for a PDF; safe to call from many threads at once.
public struct ArticleConverter: Sendable {
    /// Tried in order when the bytes are not UTF-8 and carry no byte order mark (`ingest.fallback_encodings`).
    public static let defaultFallbackEncodings = ["GB18030", "WINDOWS-1251", "WINDOWS-1252"]

    let decoder: TextDecoder
    let rules: ConversionRules
    let pdf: PDFToText

    /// - Parameters:
    ///   - fallbackEncodings: iconv names tried in order when the bytes are not UTF-8.
    ///   - pdftotext: the program that reads PDFs (looked up on `PATH` when it has no slash).
    ///   - pdfTimeoutSeconds: how long one PDF may take before pdftotext is killed.
    ///   - pdfMaxOutputBytes: how much text one PDF may give before pdftotext is killed.
    /// - Throws: `ConversionError.badConfiguration` naming an encoding iconv does not know;
    ///   `missingResource` if the converter's data file is missing or bad.
    public init(
        fallbackEncodings: [String] = defaultFallbackEncodings,
        pdftotext: String = "pdftotext",
        pdfTimeoutSeconds: Double = 60,
        pdfMaxOutputBytes: Int = 64 << 20
    ) throws(ConversionError) {
        if let unknown = Self.unknownEncodings(fallbackEncodings).first {
            throw ConversionError(
                code: .badConfiguration,
                message: "iconv does not know the encoding '\(unknown)' (see `iconv --list`)"
            )
        }
        decoder = TextDecoder(fallbacks: fallbackEncodings)
        rules = try ConversionRules.bundled()
        pdf = PDFToText(executable: pdftotext, timeoutSeconds: pdfTimeoutSeconds, maxOutputBytes: pdfMaxOutputBytes)
    }

    /// The names iconv does not know, for checking a configuration before it is used.
    public static func unknownEncodings(_ names: [String]) -> [String] {
        names.filter { !Iconv.knows($0) }
    }

    /// Converts one file.
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - fileName: its name or path; the extension gives the format.
    /// - Throws: `ConversionError` saying why the file is set aside.
    public func convert(_ bytes: [UInt8], fileName: String) throws(ConversionError) -> ConvertedArticle {
        guard let format = SourceFormat(fileName: fileName) else {
            let ext = fileName.split(separator: ".").last.map(String.init) ?? ""
            throw ConversionError(code: .unsupportedFileType, message: "\(fileName): unsupported file type '.\(ext)'")
        }
        switch format {
        case .text, .markdown:
            let decoded = try decoder.decode(bytes, fileName: fileName)
            let markup: ArticleFormat = format == .markdown ? .markdown : .plain
            return ConvertedArticle(
                article: ArticleText(text: decoded.text, format: markup),
                format: format,
                encoding: decoded.encoding
            )
        case .html:
            let decoded = try decoder.decode(bytes, fileName: fileName)
            let page = try HTMLConverter(rules: rules).convert(decoded.text, fileName: fileName)
            if page.text.allSatisfy(\.isWhitespace) {
                throw ConversionError(
                    code: .emptyFile,
                    message: "\(fileName): no article text in the page (all of it was markup or page furniture)"
                )
            }
            try TextDecoder.checkText(page.text, fileName: fileName)
            return ConvertedArticle(
                article: ArticleText(text: page.text, format: .plain, title: page.title, documentDate: page.date),
                format: .html,
                encoding: decoded.encoding,
                dateSource: page.dateSource
            )
        case .pdf:
            if bytes.isEmpty { throw ConversionError(code: .emptyFile, message: "\(fileName): the file is empty") }
            let pages = PDFLayout.pages(fromBBoxXHTML: try pdf.run(bytes, fileName: fileName))
            let hasText = pages.contains { page in
                page.contains { $0.unicodeScalars.contains { $0.properties.isAlphabetic } }
            }
            guard hasText else {
                throw ConversionError(code: .noTextLayer, message: "\(fileName): no text layer (scanned?)")
            }
            let cleaned = PDFTextCleaner(rules: rules).clean(pages)
            return ConvertedArticle(
                article: ArticleText(text: cleaned.text, format: .plain, bodyEnd: cleaned.bodyEnd),
                format: .pdf,
                encoding: "binary"
            )
        }
    }
}
