import Testing

@testable import ArticleConversion

@Suite struct EncodingTests {
    /// Each fixture, its encoding, and words it must read as.
    static let fixtures: [(String, String, String)] = [
        ("gb18030.txt", "GB18030", "丹东市委召开常委会议"),
        ("windows-1251.txt", "WINDOWS-1251", "губернатор Хабаровского края"),
        (
            "windows-1252.txt", "WINDOWS-1252",
            "The délégation from Dandong met Swiss officials on 17 April 2024 at the “Café Müller” in Zürich. It’s"
        ),
        ("utf16le-bom.txt", "UTF-16LE", "the forum’s agenda on 3 June 2024"),
        ("utf16be-bom.txt", "UTF-16BE", "The bridge at Heihe was opened on 10 June 2022"),
        ("utf8-bom.txt", "UTF-8-BOM", "A delegation visited Yanbian on 12 May 2024."),
    ]

    @Test(arguments: fixtures)
    func picksTheRightEncoding(_ name: String, _ encoding: String, _ words: String) throws {
        let converted = try Fixtures.converter().convert(try Fixtures.bytes(name), fileName: name)
        #expect(converted.encoding == encoding)
        #expect(converted.format == .text)
        #expect(converted.article.text.contains(words), "\(converted.article.text)")
        #expect(!converted.article.text.hasPrefix("\u{FEFF}"))
    }

    /// The order of the fallbacks does not matter for these: the plausibility check, not the
    /// first fallback that converts, decides (Windows-1252 accepts almost any bytes).
    @Test(arguments: [
        ["WINDOWS-1252", "WINDOWS-1251", "GB18030"], ["WINDOWS-1251", "WINDOWS-1252", "GB18030"],
        ["GB18030", "WINDOWS-1252", "WINDOWS-1251"],
    ])
    func fallbackOrderDoesNotChangeThePick(_ order: [String]) throws {
        let converter = try Fixtures.converter(order)
        for (name, encoding, words) in Self.fixtures
        where ["GB18030", "WINDOWS-1251", "WINDOWS-1252"].contains(encoding) {
            let converted = try converter.convert(try Fixtures.bytes(name), fileName: name)
            #expect(converted.encoding == encoding, "\(name) with \(order)")
            #expect(converted.article.text.contains(words))
        }
    }

    /// Text in one fallback is refused by each of the others, not read as mojibake.
    @Test(arguments: [
        ("gb18030.txt", "WINDOWS-1251"), ("gb18030.txt", "WINDOWS-1252"), ("windows-1251.txt", "GB18030"),
        ("windows-1251.txt", "WINDOWS-1252"), ("windows-1252.txt", "GB18030"), ("windows-1252.txt", "WINDOWS-1251"),
    ])
    func otherEncodingsRefuseIt(_ name: String, _ only: String) throws {
        let converter = try Fixtures.converter([only])
        let error = #expect(throws: ConversionError.self) {
            try converter.convert(try Fixtures.bytes(name), fileName: name)
        }
        #expect(error?.code == .unknownEncoding)
        #expect(error?.message.contains(only) == true)
    }

    @Test func bytesThatFitNoEncodingAreSetAsideWithTheReason() throws {
        // Windows-1252 "café" words next to Windows-1251 Cyrillic ones: mixed words in 1251,
        // mostly accented letters in 1252, broken pairs in GB18030.
        let latin: [UInt8] =
            Array("Le caf".utf8) + [0xE9] + Array(" de la gare ferm".utf8) + [0xE9] + Array(" en ".utf8)
        let cyrillic: [UInt8] = [0xEF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xEC, 0xE8, 0xF0, 0x20]
        let bytes = Array(repeating: latin + cyrillic, count: 4).flatMap { $0 }
        let error = #expect(throws: ConversionError.self) {
            try Fixtures.converter().convert(bytes, fileName: "mixed.txt")
        }
        #expect(error?.code == .unknownEncoding)
        #expect(error?.description.hasPrefix("mixed.txt: not valid UTF-8, and no fallback encoding fits") == true)
        #expect(throws: ConversionError.self) { try Fixtures.converter([]).convert([0x41, 0xFF], fileName: "x.txt") }
    }

    @Test func unknownFallbackNamesAreAConfigurationError() {
        #expect(ArticleConverter.unknownEncodings(["GB18030", "NO-SUCH-CODE"]) == ["NO-SUCH-CODE"])
        let error = #expect(throws: ConversionError.self) { try ArticleConverter(fallbackEncodings: ["NO-SUCH-CODE"]) }
        #expect(error?.code == .badConfiguration)
    }

    @Test func binaryAndEmptyFilesAreRefused() throws {
        let converter = try Fixtures.converter()
        #expect(throws: ConversionError.self) { try converter.convert([0x41, 0, 0x42], fileName: "a.txt") }
        #expect(throws: ConversionError.self) { try converter.convert([0x20, 0x0A], fileName: "a.txt") }
        #expect(throws: ConversionError.self) { try converter.convert([0xEF, 0xBB, 0xBF], fileName: "a.md") }
        #expect(throws: ConversionError.self) { try converter.convert(Array("x".utf8), fileName: "a.docx") }
        // A UTF-16 BOM with an odd byte count is not UTF-16.
        #expect(throws: ConversionError.self) { try converter.convert([0xFF, 0xFE, 0x41], fileName: "a.txt") }
    }

    @Test func plausibility() {
        #expect(EncodingPlausibility.isPlausible("Привет, мир! Встреча 17 апреля."))
        #expect(EncodingPlausibility.isPlausible("The café in Zürich, à la carte."))
        #expect(EncodingPlausibility.isPlausible("丹东市委召开会议，研究部署工作。"))
        #expect(!EncodingPlausibility.isPlausible("The cafй in Zьrich, а la carte."))
        #expect(!EncodingPlausibility.isPlausible("Ïðèâåò, ìèð! Âñòðå÷à 17 àïðåëÿ ãîäà ïðîøëà â Ìîñêâå."))
        #expect(!EncodingPlausibility.isPlausible("Hello\u{0085}world"))
        #expect(CommonHan.characters.count == 3755)
    }
}
