/// An error from reading resources or article files.
///
/// `code` classifies it; `message` names the file and line where there is one
/// (`Resources/en/months.tsv:12: ...`), so a bad data file or a rejected article
/// can be fixed without reading the code.
public struct ExtractionError: Error, Sendable, CustomStringConvertible {
    /// A broad classification of what went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case badResource, missingResource, emptyFile, binaryContent, invalidUTF8, unsupportedFileType
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A data file has a line the loader cannot read.
        public static let badResource = Code(.badResource)
        /// A data file or the resource directory is missing.
        public static let missingResource = Code(.missingResource)
        /// The article file has no content.
        public static let emptyFile = Code(.emptyFile)
        /// The article file holds binary data (NUL bytes or many control characters).
        public static let binaryContent = Code(.binaryContent)
        /// The article file is not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// The file name's extension is not one the extractor reads.
        public static let unsupportedFileType = Code(.unsupportedFileType)

        public var description: String {
            switch value {
            case .badResource: return "bad resource"
            case .missingResource: return "missing resource"
            case .emptyFile: return "empty file"
            case .binaryContent: return "binary content"
            case .invalidUTF8: return "invalid UTF-8"
            case .unsupportedFileType: return "unsupported file type"
            }
        }
    }

    public var code: Code
    /// What went wrong, naming `file:line` where relevant.
    public var message: String
    /// The underlying error, if any (for example a file system error).
    public var cause: (any Error)?

    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause { return "\(code): \(message) (\(cause))" }
        return "\(code): \(message)"
    }
}
