import Testing
import TimelineCore

@testable import EventExtraction

@Suite struct TemporalTaggerTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let pattern: String
        let input: String
        let text: String
        let value: String
        var testDescription: String { "\(pattern): \(input)" }
    }

    static let patternExamples: [Example] = TemporalPattern.all.flatMap { p in
        p.examples.map { Example(pattern: p.name, input: $0.input, text: $0.text, value: $0.value) }
    }

    /// Every example listed with a pattern, with the document date 2024-05-26 (a Sunday).
    @Test(arguments: patternExamples)
    func patternExample(_ e: Example) {
        let found = TestSupport.timexes(e.input)
        #expect(
            found.contains { $0.text == e.text && $0.value == e.value },
            "found \(found.map { "\($0.text)=\($0.value)" })"
        )
    }

    /// Offsets are code points into the text, end exclusive; types and mods as TIMEX3.
    @Test(arguments: [
        ("Talks began on 15 March 2017 in Harbin.", 15, 28, "DATE", "2017-03-15", nil as String?),
        ("会议于2017年3月15日举行。", 3, 13, "DATE", "2017-03-15", nil),
        ("Ministers met in mid-April.", 17, 26, "DATE", "2024-04", "MID"),
        ("Growth slowed in early 2025, it said.", 17, 27, "DATE", "2025", "START"),
        ("“Work” began – in late 2019.", 18, 27, "DATE", "2019", "END"),
        ("after a five-year hiatus", 8, 17, "DURATION", "P5Y", nil),
        ("The ferry sails weekly.", 16, 22, "SET", "P1W", nil),
    ])
    func offsetsAndAttributes(
        _ input: String,
        _ start: Int,
        _ end: Int,
        _ type: String,
        _ value: String,
        _ mod: String?
    ) {
        let t = TestSupport.timexes(input).first
        #expect(t?.start == start)
        #expect(t?.end == end)
        #expect(t?.type == type)
        #expect(t?.value == value)
        #expect(t?.mod == mod)
    }

    /// Numbers that are not years.
    @Test(arguments: [
        "The port handled 1,000 containers.", "It shipped 2000 tons of coal.", "It cost $2015 in total.",
        "Output rose 2019% on paper.", "UN Security Council Resolution 2397 was cited.",
        "The ratio was 3.2000 exactly.",
    ])
    func notAYear(_ input: String) {
        #expect(TestSupport.timexes(input).filter { $0.type == "DATE" }.isEmpty)
    }

    /// Relative expressions against a Monday document date (2019-11-25, ISO week 48).
    @Test(arguments: [
        ("They met late last week.", "2019-W47"), ("He arrived last Wednesday.", "2019-11-20"),
        ("It took place on Friday.", "2019-11-22"), ("He returned on Saturday.", "2019-11-23"),
        ("A December 22 deadline looms.", "2019-12-22"), ("Work restarted last month.", "2019-10"),
        ("It was agreed yesterday.", "2019-11-24"), ("The talks will resume on Friday.", "2019-11-29"),
        ("The plan was reinstated last summer.", "2019-SU"), ("The forum opens next year.", "2020"),
        ("Results came in the third quarter of last year.", "2018-Q3"),
    ])
    func relativeToMonday(_ input: String, _ value: String) {
        let values = TestSupport.timexes(input, dct: "2019-11-25").map(\.value)
        #expect(values.contains(value), "found \(values)")
    }

    /// Both ends of a span of years are tagged; neither dates an event.
    @Test func yearSpans() {
        let t = TestSupport.timexes("The 2021–2035 plan and the plan for 2014-20 were discussed.")
        #expect(t.map(\.value) == ["2021", "2035", "2014", "2020"])
    }

    /// Anaphora: the last date mentioned before.
    @Test func sameDateAnaphora() {
        let t = TestSupport.timexes("A June 30 deadline applies under a law passed on the same date in 2015.")
        #expect(t.map(\.value) == ["2024-06-30", "2015-06-30"])
    }
}
