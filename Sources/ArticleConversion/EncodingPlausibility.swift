/// Whether text decoded with a fallback encoding reads like text rather than mojibake.
///
/// A single-byte encoding such as Windows-1251 or -1252 accepts almost any bytes, and GB18030
/// accepts most pairs of high bytes, so "it converted" says little. What real text does and
/// mojibake does not:
/// - no C1 control characters (U+0080–U+009F);
/// - words do not mix Latin, Cyrillic and Greek letters (`cafй` is Windows-1252 read as 1251);
/// - a capital rarely follows a small letter inside a word (`бТй` is Chinese read as Windows-1251);
/// - Latin words are mostly ASCII letters: French or German has a few accented letters per word,
///   Russian read as Windows-1252 (`Ïðèâåò`) has nothing else;
/// - Chinese is mostly the 3,755 common characters of GB 2312 level 1, while Cyrillic or accented
///   Latin read as GB18030 falls on rare characters (a lower-case Cyrillic letter as a lead byte
///   lands in level 2 or beyond).
enum EncodingPlausibility {
    /// At most this share of the words with a non-ASCII letter may mix scripts.
    static let maximumMixedWordShare = 0.05
    /// At most this share of the words with a non-ASCII letter may have a capital after a small letter.
    static let maximumOddCaseShare = 0.1
    /// At most this share of Latin letters may be non-ASCII (with at least `minimumLatinLetters`).
    static let maximumAccentedShare = 0.35
    static let minimumLatinLetters = 20
    /// At least this share of Han characters must be common ones.
    static let minimumCommonHanShare = 0.6

    enum Script { case latin, cyrillic, greek, han, other }

    static func script(_ c: Unicode.Scalar) -> Script? {
        guard c.properties.isAlphabetic else { return nil }
        switch c.value {
        case 0..<0x250, 0x1E00..<0x1F00: return .latin
        case 0x370..<0x400: return .greek
        case 0x400..<0x530: return .cyrillic
        case 0x3400..<0x4DC0, 0x4E00..<0xA000, 0xF900..<0xFB00, 0x20000..<0x30000: return .han
        default: return .other
        }
    }

    static func isPlausible(_ text: String) -> Bool {
        var words = 0
        var mixed = 0
        var oddCase = 0
        var hasOddCase = false
        var lastWasLower = false
        var latin = 0
        var accented = 0
        var han = 0
        var commonHan = 0
        var scripts: Set<Script> = []
        var nonASCII = false
        func endWord() {
            if nonASCII {
                words += 1
                if scripts.count > 1 { mixed += 1 }
                if hasOddCase { oddCase += 1 }
            }
            scripts = []
            nonASCII = false
            hasOddCase = false
            lastWasLower = false
        }
        for c in text.unicodeScalars {
            if (0x80..<0xA0).contains(c.value) { return false }
            guard let s = script(c) else {
                endWord()
                continue
            }
            switch s {
            case .han:
                // Chinese has no spaces: each character is its own word.
                endWord()
                han += 1
                if CommonHan.characters.contains(c) { commonHan += 1 }
                continue
            case .latin:
                latin += 1
                if c.value >= 0x80 { accented += 1 }
            default: break
            }
            scripts.insert(s)
            if c.value >= 0x80 { nonASCII = true }
            if c.properties.isUppercase && lastWasLower { hasOddCase = true }
            lastWasLower = c.properties.isLowercase
        }
        endWord()
        if Double(mixed) > Double(words) * maximumMixedWordShare { return false }
        if Double(oddCase) > Double(words) * maximumOddCaseShare { return false }
        if latin >= minimumLatinLetters, Double(accented) > Double(latin) * maximumAccentedShare { return false }
        if han > 0, Double(commonHan) < Double(han) * minimumCommonHanShare { return false }
        return true
    }
}

/// The 3,755 characters of GB 2312 level 1 (rows 16–55), the common characters of written Chinese.
/// Made from the code table itself through iconv, so no list is kept by hand.
enum CommonHan {
    static let characters: Set<Unicode.Scalar> = {
        var bytes: [UInt8] = []
        for lead in UInt8(0xB0)...0xD7 {
            for trail in UInt8(0xA1)...0xFE where !(lead == 0xD7 && trail > 0xF9) {
                bytes += [lead, trail]
            }
        }
        return Set(Iconv.decode(bytes[...], from: "GB18030")?.unicodeScalars ?? "".unicodeScalars)
    }()
}
