/// Turns a text file's bytes into a string and names the encoding used.
///
/// Tried in order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE); valid UTF-8; then each fallback
/// encoding through iconv, taking the first whose result passes ``EncodingPlausibility``. Bytes that
/// fit none are refused rather than guessed into mojibake.
struct TextDecoder: Sendable {
    /// iconv names, in the order tried.
    let fallbacks: [String]

    /// Above this share of control characters (other than tab, line feed,
    /// carriage return, form feed) a file is taken to be binary.
    static let maximumControlShare = 0.05

    struct Decoded: Sendable {
        var text: String
        /// `UTF-8`, `UTF-8-BOM`, `UTF-16LE`, `UTF-16BE`, or the fallback's name.
        var encoding: String
    }

    /// - Throws: `ConversionError` with code `emptyFile`, `binaryContent` or `unknownEncoding`.
    func decode(_ bytes: [UInt8], fileName: String) throws(ConversionError) -> Decoded {
        let decoded: Decoded
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            guard let text = Iconv.decode(bytes.dropFirst(2), from: name) else {
                throw ConversionError(
                    code: .unknownEncoding,
                    message: "\(fileName): starts with a \(name) byte order mark but is not valid \(name)"
                )
            }
            decoded = Decoded(text: text, encoding: name)
        } else {
            if bytes.contains(0) {
                throw ConversionError(code: .binaryContent, message: "\(fileName): binary content (NUL byte)")
            }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                    throw ConversionError(
                        code: .unknownEncoding,
                        message: "\(fileName): starts with a UTF-8 byte order mark but is not valid UTF-8"
                    )
                }
                decoded = Decoded(text: text, encoding: "UTF-8-BOM")
            } else if let text = String(validating: bytes, as: UTF8.self) {
                decoded = Decoded(text: text, encoding: "UTF-8")
            } else {
                decoded = try fallback(bytes, fileName: fileName)
            }
        }
        try Self.checkText(decoded.text, fileName: fileName)
        return decoded
    }

    private func fallback(_ bytes: [UInt8], fileName: String) throws(ConversionError) -> Decoded {
        var tried: [String] = []
        for name in fallbacks {
            if let text = Iconv.decode(bytes[...], from: name) {
                if EncodingPlausibility.isPlausible(text) { return Decoded(text: text, encoding: name) }
                tried.append("\(name) (implausible text)")
            } else {
                tried.append("\(name) (invalid bytes)")
            }
        }
        let list = tried.isEmpty ? "no fallback encodings configured" : "tried " + tried.joined(separator: ", ")
        throw ConversionError(
            code: .unknownEncoding,
            message: "\(fileName): not valid UTF-8, and no fallback encoding fits: \(list) (ingest.fallback_encodings)"
        )
    }

    /// Refuses text that is empty or mostly control characters.
    static func checkText(_ text: String, fileName: String) throws(ConversionError) {
        var count = 0
        var controls = 0
        var blank = true
        for c in text.unicodeScalars {
            count += 1
            if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" && c != "\u{0C}" { controls += 1 }
            if c == "\0" {
                throw ConversionError(code: .binaryContent, message: "\(fileName): binary content (NUL character)")
            }
            if blank && !c.properties.isWhitespace && c != "\u{FEFF}" { blank = false }
        }
        if blank { throw ConversionError(code: .emptyFile, message: "\(fileName): the file is empty") }
        if Double(controls) > Double(count) * maximumControlShare {
            throw ConversionError(
                code: .binaryContent,
                message: "\(fileName): binary content (\(controls) control characters)"
            )
        }
    }
}
