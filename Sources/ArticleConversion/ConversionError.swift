/// Why a file's bytes could not be turned into article text.
///
/// The message names the file and is what `sources` shows as the reason the file was set aside.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
    /// A broad classification of what went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case unsupportedFileType, emptyFile, binaryContent, unknownEncoding, badHTML, badPDF, noTextLayer
            case badConfiguration, missingResource
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The file name's extension is not one the converter reads.
        public static let unsupportedFileType = Code(.unsupportedFileType)
        /// The file holds no text.
        public static let emptyFile = Code(.emptyFile)
        /// A text file holds binary data (NUL bytes or many control characters).
        public static let binaryContent = Code(.binaryContent)
        /// The bytes are in none of the encodings tried.
        public static let unknownEncoding = Code(.unknownEncoding)
        /// libxml2 could not build a document from the HTML.
        public static let badHTML = Code(.badHTML)
        /// pdftotext failed, timed out or wrote too much.
        public static let badPDF = Code(.badPDF)
        /// The PDF has pages but no text on them: a scan.
        public static let noTextLayer = Code(.noTextLayer)
        /// A fallback encoding iconv does not know.
        public static let badConfiguration = Code(.badConfiguration)
        /// The converter's data file is missing or bad.
        public static let missingResource = Code(.missingResource)

        public var description: String {
            switch value {
            case .unsupportedFileType: return "unsupported file type"
            case .emptyFile: return "empty file"
            case .binaryContent: return "binary content"
            case .unknownEncoding: return "unknown encoding"
            case .badHTML: return "unreadable HTML"
            case .badPDF: return "unreadable PDF"
            case .noTextLayer: return "no text layer"
            case .badConfiguration: return "bad configuration"
            case .missingResource: return "missing resource"
            }
        }
    }

    public var code: Code
    /// What went wrong, naming the file: `scan.pdf: no text layer (scanned?)`. It says it all,
    /// so it is also the description (what `sources` shows).
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
