import Testing

@testable import EventExtraction

/// The extractor's byte-level shortcuts give what the character-level code they stand in for gives,
/// including on the inputs where they must fall back to it.
@Suite struct FastPathTests {
    @Test(arguments: [
        "  A  meeting\ton 3 June\n2023. ",
        "Dandong\u{00A0}mayor Hao Jianjun (郝建军) met\u{3000}officials",
        "a \u{0301}combining mark after a space",
        "Xi Jinping\u{2019}s  direction \u{201C}quoted\u{201D}",
        "\u{0600} prepended mark before a space",
        "thin\u{2009} space and\r\nCRLF",
        "",
        "   ",
    ])
    func normalizedWhitespaceMatchesCharacterSplit(_ s: String) {
        let expected = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(Extractor.normalizedWhitespace(Array(s.unicodeScalars)[...]) == expected)
    }

    @Test func codePointsDecodedAsTheStringHasThem() {
        let s = "Plain ASCII, é, 郝建军, 😀 and \u{0301} marks\r\n"
        #expect(PreparedText.scalars(of: s) == Array(s.unicodeScalars))
    }

    @Test(arguments: [
        ("approved", "approv"), ("approves", "approv"), ("approving", "approv"), ("approve", "approv"),
        ("stopped", "stop"), ("studies", "study"), ("signs", "sign"), ("meeting", "meet"), ("met", "met"),
        ("classes", "class"), ("bus", "bus"), ("talks", "talk"), ("agreed", "agre"), ("agree", "agre"),
        ("visit", "visit"),
        ("séances", "séanc"), ("", ""),
    ])
    func stems(_ word: String, _ stem: String) {
        #expect(Stemmer.stem(word) == stem)
    }

    @Test func wordShapesPassOnlyPossibleKeys() {
        var shapes = WordShapes()
        shapes.insert("meeting")
        shapes.insert("summit")
        #expect(shapes.mayContain("meeting"))
        #expect(shapes.mayContain("mention"))  // same first byte and length: looked up, not known
        #expect(!shapes.mayContain("meetings"))
        #expect(!shapes.mayContain("talks"))
        // Not ASCII: may equal a key written with other code points, so always looked up.
        #expect(shapes.mayContain("me\u{0301}eting"))
        var other = WordShapes()
        other.insert("caf\u{00E9}")
        #expect(other.mayContain("talks"))
    }

    @Test func citationMarksFoundCaseFolded() {
        func occurs(_ needles: Extractor.ASCIINeedles, _ s: String) -> Bool {
            Array(s.utf8).withUnsafeBufferPointer { needles.occurs(in: $0) }
        }
        #expect(occurs(Extractor.citationMarks, "See DOI.org/10.1000/182 for it"))
        #expect(occurs(Extractor.citationMarks, "Vol. 3, pp. 12-19"))
        #expect(!occurs(Extractor.citationMarks, "The doi of it was unknown; pp."))
        #expect(occurs(Extractor.urlMarks, "at HTTPS://example.org"))
        #expect(!occurs(Extractor.urlMarks, "w"))
        #expect(Extractor.looksLikeCitation("12. Smith, J. https://example.org/paper"))
        #expect(
            !Extractor.looksLikeCitation("The bridge opened on 3 June (see https://example.org) after years of talks.")
        )
    }

    @Test func wordFilterRejectsOnlyWordsNotInTheSet() {
        let keys = ["talks", "sign", "meeting", "K\u{00E9}b", "\u{212A}m"]
        var filter = WordFilter()
        for k in keys { filter.insert(k) }
        // No key is ever rejected, nor a word equal to one by canonical equivalence.
        for k in keys { #expect(filter.mayContain(k)) }
        #expect(filter.mayContain("Km"))  // "\u{212A}m" (Kelvin sign) == "Km"
        #expect(filter.mayContain("Ke\u{0301}b"))  // not ASCII: always let through
        // Words of no key: almost all rejected (4,096 bits, two per key).
        let others = (0..<1000).map { "w\($0)x" }
        #expect(others.filter { filter.mayContain($0) }.count < 20)
        #expect(!WordFilter().mayContain("talks"))
    }

    @Test(arguments: [
        "See DOI.org/10.1000/182 for it", "Vol. 3, pp. 12-19", "The doi of it was unknown; pp.",
        "at HTTPS://example.org", "w", "", "Retrieved From the archive", "ht", "no mark in this line at all",
    ])
    func citationMarksOnCodePointsAsOnBytes(_ s: String) {
        let scalars = Array(s.unicodeScalars)
        for needles in [Extractor.citationMarks, Extractor.urlMarks] {
            let onBytes = Array(s.utf8).withUnsafeBufferPointer { needles.occurs(in: $0) }
            #expect(scalars.withUnsafeBufferPointer { needles.occurs(inASCII: $0) } == onBytes)
        }
    }

    @Test func cueKindOrdinalsFollowDeclarationOrder() {
        for (k, kind) in Cues.Kind.allCases.enumerated() { #expect(kind.ordinal == k) }
    }

    @Test(arguments: [
        ("Photo: Xinhua", true), ("  **Credit:** AP", true), ("Photographs of the port", false),
        ("PHOTO BY the author", true), ("Received: 3 May 2024", true), ("Received praise", false),
        ("Édition: Le Monde", false), ("editor\u{2019}s note: corrected", true),
    ])
    func boilerplateLines(_ line: String, _ expected: Bool) {
        let resources = TestSupport.resources
        #expect(
            resources.boilerplate.isBoilerplate(line[...], isMonth: { resources.dates.months[$0] != nil }) == expected
        )
    }
}
