import Testing

@testable import EventExtraction

/// The tagger's shortcuts (the hashed word table, the number lists by digit count, the ASCII
/// heading) give what the code they stand in for gives.
@Suite struct TaggerFastPathTests {
    /// A few fields that tell entries apart (`WordEntry` is not `Equatable`).
    static func fields(_ e: WordEntry) -> [Int] {
        [
            Int(e.month), Int(e.weekday), Int(e.number), Int(e.ordinal), Int(e.unitCode), Int(e.relative ?? 9),
            Int(e.shiftSign), Int(e.dayPartCode), e.quantityUnit ? 1 : 0, e.yearMarker ? 1 : 0,
            e.timeZone ? 1 : 0, Int(e.starts.rawValue),
        ]
    }

    @Test func wordTableFindsWhatTheDictionaryHolds() {
        let dictionary = TestSupport.resources.dates.wordTable(startWords: ["fiscal"])
        let table = WordTable(dictionary)
        #expect(dictionary.count > 100)
        for (key, entry) in dictionary {
            #expect(Self.fields(table.entry(key)) == Self.fields(entry), "\(key)")
        }
        for word in ["meeting", "the", "", "januaryx", "x", "mayor", "2024", "zzzzzzzzzzzzzzzzzzzzzzzzz"]
        where dictionary[word] == nil {
            #expect(Self.fields(table.entry(word)) == Self.fields(.none), "\(word)")
        }
    }

    @Test func wordTableComparesNonASCIIWordsAsStrings() {
        var e = WordEntry()
        e.month = 5
        // "é" precomposed as the key; the token decomposed: equal as Swift strings.
        let table = WordTable(["f\u{00E9}vrier": e, "june": e])
        #expect(table.entry("fe\u{0301}vrier").month == 5)
        #expect(table.entry("june").month == 5)
        #expect(table.entry("jun").month == 0)
        // A key canonically equal to an ASCII word (the Kelvin sign is "K"): the dictionary decides.
        let kelvin = WordTable(["\u{212A}m": e])
        #expect(kelvin.entry("Km").month == 5)
        #expect(kelvin.entry("km").month == 0)
    }

    @Test func numbersSkipOnlyRulesThatCannotStartThere() throws {
        let (day, _, _) = try PatternCompiler.compile(
            pattern: "DAY of? MONTH",
            value: "month-day(month, day)",
            flags: ""
        )
        #expect(day.mayStart(atNumberOf: 2))
        #expect(!day.mayStart(atNumberOf: 4))
        let (year, _, _) = try PatternCompiler.compile(pattern: "the? fiscal? YEAR", value: "year(year)", flags: "")
        #expect(year.mayStart(atNumberOf: 4))
        #expect(!year.mayStart(atNumberOf: 2))
        #expect(!year.mayStart(atNumberOf: 10))
        let (literal, _, _) = try PatternCompiler.compile(
            pattern: "COUNT 1 ~ / ~ 2 UNIT",
            value: "year(count)",
            flags: ""
        )
        #expect(literal.mayStart(atNumberOf: 3))
        #expect(!literal.mayStart(atNumberOf: 5))
        // The tagger still finds what these rules find at numbers.
        #expect(
            TestSupport.timexes("It met on 17 May 2023 and in fiscal 2024.").map(\.value) == ["2023-05-17", "2024"]
        )
    }

    @Test(arguments: ["## 5. References:", "  References  ", "123", "", "ABOUT THE AUTHOR", "Réferences é"])
    func headingMatchesCharacterTrim(_ line: String) {
        let expected = String(
            Substring(line).drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        ).lowercased()
        #expect(Boilerplate.heading(Substring(line)) == expected)
    }
}
