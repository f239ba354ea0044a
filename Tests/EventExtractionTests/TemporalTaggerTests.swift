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

    static let patternExamples: [Example] = TestSupport.resources.dates.patterns.rules.flatMap { rule in
        rule.examples.map { Example(pattern: rule.source, input: $0.input, text: $0.text, value: $0.value) }
    }

    /// Every example listed with a rule in the pattern files, with the document date 2024-05-26 (a Sunday).
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
        ("Talks began on 21 October 2016 in Heihe.", 15, 30, "DATE", "2016-10-21", nil as String?),
        ("会议于2016年10月21日举行。", 3, 14, "DATE", "2016-10-21", nil),
        ("Ministers met in mid-April.", 17, 26, "DATE", "2024-04", "MID"),
        ("Growth slowed in early 2025, it said.", 17, 27, "DATE", "2025", "START"),
        ("“Work” began – in late 2019.", 18, 27, "DATE", "2019", "END"),
        ("after a three-year pause", 8, 18, "DURATION", "P3Y", nil),
        ("The ferry sails weekly.", 16, 22, "SET", "P1W", nil),
        // A bound before a duration is part of it, with its mod; an article before an adjective is not.
        ("Banks must wait at least 30 days.", 16, 32, "DURATION", "P30D", "EQUAL_OR_MORE"),
        ("It was shut for nearly two years.", 16, 32, "DURATION", "P2Y", "LESS_THAN"),
        ("The two-week strike ended.", 4, 12, "DURATION", "P2W", nil),
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

    /// Fractions of a whole are no quarters of a year.
    @Test(arguments: ["Iraq imports about three-quarters of its food.", "Funds hold a quarter of the market."])
    func fractionIsNoDuration(_ input: String) {
        #expect(TestSupport.timexes(input).isEmpty)
    }

    /// Numbers that are not years.
    @Test(arguments: [
        "The port handled 1,000 containers.", "It shipped 2000 tons of coal.", "It cost $2015 in total.",
        "Output rose 2019% on paper.", "UN Security Council Resolution 2397 was cited.",
        "The ratio was 3.2000 exactly.", "Mishustin signed Resolution No. 1794 on port fees.",
        "Order No 2015 was cited.", "See ticket #2024 for details.",
    ])
    func notAYear(_ input: String) {
        #expect(TestSupport.timexes(input).filter { $0.type == "DATE" }.isEmpty)
    }

    /// The tense cue nearest a day without a year decides which way it leans.
    @Test(arguments: [
        ("Since the ruling was announced Wednesday, they have said they will appeal.", "Wednesday", "2024-05-22"),
        ("Officials said Friday they will reopen the border.", "Friday", "2024-05-24"),
        ("He resigned last month and will leave on Friday.", "Friday", "2024-05-31"),
        // "oilseed", "hundred" end like a past form but are none.
        (
            "The partners will complete a study for a grain and oilseed terminal by the end of June.",
            "the end of June", "2024-06"
        ),
        ("Crews will need to lay over a hundred kilometres of new track in September.", "September", "2024-09"),
        // A requirement looks ahead even after a verb that reads as past.
        ("He set the task to finish the pier no later than January 10.", "January 10", "2025-01-10"),
        // "next to" is a place, not the future.
        ("Blasts on Friday next to the embassy killed 20 people.", "Friday", "2024-05-24"),
        ("Officials did not plan to close the border on Thursday.", "Thursday", "2024-05-30"),
    ])
    func nearestTenseCueDecides(_ input: String, _ text: String, _ value: String) {
        #expect(TestSupport.timexes(input).contains { $0.text == text && $0.value == value })
    }

    /// A clock time after a month and day is not a day of that month ("April 17:00"); a colon
    /// after a date ("on Oct. 26: the court …") is only punctuation.
    @Test func colonAfterADate() {
        #expect(!TestSupport.timexes("Polls close on April 17:30 local time.").contains { $0.text == "April 17" })
        #expect(TestSupport.timexes("It said on Oct. 26: the talks resume.").map(\.text) == ["Oct. 26"])
    }

    /// Relative expressions against a Monday document date (2022-03-14, ISO week 11).
    @Test(arguments: [
        ("Barges sailed late last week.", "2022-W10"), ("The crew landed last Wednesday.", "2022-03-09"),
        ("Voting ended on Friday.", "2022-03-11"), ("The mayor flew home on Saturday.", "2022-03-12"),
        ("Bids are due by April 3.", "2022-04-03"), ("Loading resumed last month.", "2022-02"),
        ("A deal was struck yesterday.", "2022-03-13"), ("Hearings will continue on Friday.", "2022-03-18"),
        ("The ferry ran again last summer.", "2021-SU"), ("A new terminal opens next year.", "2023"),
        ("Sales dipped in the third quarter of last year.", "2021-Q3"),
    ])
    func relativeToMonday(_ input: String, _ value: String) {
        let values = TestSupport.timexes(input, dct: "2022-03-14").map(\.value)
        #expect(values.contains(value), "found \(values)")
    }

    /// Both ends of a span of years are tagged; neither dates an event.
    @Test func yearSpans() {
        let t = TestSupport.timexes("The 2021–2035 plan and the plan for 2014-20 were discussed.")
        #expect(t.map(\.value) == ["2021", "2035", "2014", "2020"])
    }

    /// Anaphora: the last date mentioned before, in the year the phrase gives.
    @Test(arguments: [
        ("Filing closes on August 12 under a rule adopted on the same day in 2016.", ["2024-08-12", "2016-08-12"]),
        (
            "The pier reopened on 3 April 2022; on the same date a year earlier it flooded.",
            ["2022-04-03", "2021-04-03"]
        ),
        ("Stalls open on 20 March, the same day last year they stayed shut.", ["2024-03-20", "2023-03-20"]),
    ])
    func sameDateAnaphora(_ input: String, _ values: [String]) {
        #expect(TestSupport.timexes(input).map(\.value) == values)
    }

    /// A year shift right after another compares with the same period: "a year ago … a year
    /// earlier" are both last year, not the year before it; after another date it counts from that.
    @Test func repeatedYearShift() {
        let repeated = TestSupport.timexes(
            "Profit fell from $9 million a year ago. Costs rose, compared with a year earlier."
        )
        #expect(repeated.map(\.value) == ["2023", "2023"])
        let fromDate = TestSupport.timexes("Traffic rose in 2019 from a year earlier.")
        #expect(fromDate.map(\.value) == ["2019", "2018"])
    }

    /// A holiday leans like a day without a year; last/next count from the document date.
    @Test(arguments: [
        ("Stores stayed open on Christmas Eve.", "2023-12-24"), ("Talks will resume after Christmas.", "2024-12-25"),
        ("Shipping slowed over Thanksgiving last year.", "2023-11-23"),
        ("The bridge reopened on New Year's Eve.", "2023-12-31"),
        // After a date of the same sentence, in that date's year.
        ("May 2015: the leader visits Moscow for the Victory Day parade.", "2015-05-09"),
    ])
    func holidays(_ input: String, _ value: String) {
        let values = TestSupport.timexes(input).map(\.value)
        #expect(values.contains(value), "found \(values)")
    }
}

extension TemporalTaggerTests {
    /// "No." marks a document's number only when capitalised: "no" is also a word.
    @Test func lowerCaseNoIsAWord() {
        #expect(TestSupport.timexes("There will be no 2025 fair in Heihe.").map(\.value) == ["2025"])
        #expect(TestSupport.timexes("Decree No 2025 was cited.").isEmpty)
    }
}
