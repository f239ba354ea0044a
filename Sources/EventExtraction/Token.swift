/// A word, number or punctuation mark, located by code-point offsets.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        /// Letters (any script except CJK ideographs), with inner apostrophes kept apart.
        case word
        /// ASCII digits.
        case number
        /// One CJK ideograph (年, 月, 日 …).
        case ideograph
        /// One punctuation or symbol code point, or the clitic `'s`.
        case punct
    }

    let start: Int
    let end: Int
    let kind: Kind
    let text: String
    /// `text` lower-cased, with `’` folded to `'`.
    let lower: String
    /// Whitespace separates this token from the one before.
    let spaceBefore: Bool
    /// A line break separates this token from the one before.
    let newlineBefore: Bool
    /// The value of a number token of at most 9 digits, else -1 (read once, not per pattern).
    var value: Int = -1
    /// A word whose first code point is upper-case (read once: the patterns and cues ask often).
    var isCapitalized = false

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }

    /// The value of a number token (`nil` for other tokens or more than 9 digits).
    var number: Int? { value >= 0 ? value : nil }

    /// Count of digits of a number token.
    var digitCount: Int { kind == .number ? end - start : 0 }

    func isPunct(_ set: Set<String>) -> Bool { kind == .punct && set.contains(text) }
    func `is`(_ word: String) -> Bool { lower == word }
}

/// Splits code points into tokens.
enum Tokenizer {
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
        }
        return s.properties.isAlphabetic && !isIdeograph(s) && !isDigit(s)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    /// Every ASCII character as a string, made once: most punctuation and many numbers are one.
    private static let asciiStrings = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// Tokens of `scalars[range]`.
    static func tokenize(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        // About one token for every four code points of news text: room for most sentences at once.
        tokens.reserveCapacity(range.count / 3 + 4)
        let asciiStrings = Self.asciiStrings
        var i = range.lowerBound
        var space = true
        var newline = true
        /// `ascii`: all code points of the token are ASCII; `upper`: some is an ASCII capital (both
        /// found while scanning, so that the text is not read again to decide).
        func emit(
            _ start: Int,
            _ end: Int,
            _ kind: Token.Kind,
            lower: String? = nil,
            ascii: Bool = false,
            upper: Bool = false
        ) {
            let text: String
            if end - start == 1 && scalars[start].value < 0x80 {
                text = asciiStrings[Int(scalars[start].value)]
            } else if ascii {
                text = String(unsafeUninitializedCapacity: end - start) { buffer in
                    for k in start..<end { buffer[k - start] = UInt8(truncatingIfNeeded: scalars[k].value) }
                    return end - start
                }
            } else {
                text = String(scalars: scalars[start..<end])
            }
            let low: String
            if let lower {
                low = lower
            } else if kind == .word {
                // Most words are ASCII without capitals: their lower-case form is the text itself.
                low = ascii && !upper ? text : String(lowercasing: scalars[start..<end])
            } else {
                low = text
            }
            var value = -1
            if kind == .number, end - start <= 9 {
                value = 0
                for k in start..<end { value = value * 10 + Int(scalars[k].value - 48) }
            }
            let first = scalars[start]
            let capitalized =
                kind == .word
                && (first.value < 0x80 ? first.value >= 65 && first.value <= 90 : first.properties.isUppercase)
            tokens.append(
                Token(
                    start: start,
                    end: end,
                    kind: kind,
                    text: text,
                    lower: low,
                    spaceBefore: space,
                    newlineBefore: newline,
                    value: value,
                    isCapitalized: capitalized
                )
            )
            space = false
            newline = false
        }
        while i < range.upperBound {
            let s = scalars[i]
            if isSpace(s) {
                space = true
                if s == "\n" || s == "\r" { newline = true }
                i += 1
            } else if isLetter(s) {
                var ascii = s.value < 0x80
                var upper = s.value >= 65 && s.value <= 90
                var j = i + 1
                while j < range.upperBound {
                    let v = scalars[j].value
                    if v < 0x80 {
                        if v >= 97 && v <= 122 {
                            j += 1
                        } else if v >= 65 && v <= 90 {
                            upper = true
                            j += 1
                        } else {
                            break
                        }
                    } else if isLetter(scalars[j]) {
                        ascii = false
                        j += 1
                    } else {
                        break
                    }
                }
                emit(i, j, .word, ascii: ascii, upper: upper)
                i = j
            } else if isDigit(s) {
                var j = i + 1
                while j < range.upperBound, isDigit(scalars[j]) { j += 1 }
                emit(i, j, .number, ascii: true)
                i = j
            } else if isIdeograph(s) {
                emit(i, i + 1, .ideograph)
                i += 1
            } else if isApostrophe(s), !space, let last = tokens.last, last.kind == .word, last.end == i,
                i + 1 < range.upperBound, scalars[i + 1] == "s" || scalars[i + 1] == "S",
                i + 2 >= range.upperBound || !isLetter(scalars[i + 2])
            {
                emit(i, i + 2, .punct, lower: "'s")
                i += 2
            } else {
                emit(i, i + 1, .punct, lower: isApostrophe(s) ? "'" : nil)
                i += 1
            }
        }
        return tokens
    }
}
