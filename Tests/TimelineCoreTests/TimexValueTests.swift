import Testing

@testable import TimelineCore

@Suite struct TimexValueTests {
    @Test(arguments: [
        ("2024-04-17", "2024-04-17", "2024-04-17"),
        ("2024-04", "2024-04-01", "2024-04-30"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2025", "2025-01-01", "2025-12-31"),
        ("2024-SU", "2024-06-01", "2024-08-31"),
        ("2015-SP", "2015-03-01", "2015-05-31"),
        ("2023-WI", "2023-12-01", "2024-02-29"),
        ("2023-Q1", "2023-01-01", "2023-03-31"),
        ("2024-H1", "2024-01-01", "2024-06-30"),
        ("2024-H2", "2024-07-01", "2024-12-31"),
        ("2019-W47", "2019-11-18", "2019-11-24"),
        ("2024-W21", "2024-05-20", "2024-05-26"),
        ("2020-W53", "2020-12-28", "2021-01-03"),
        ("201", "2010-01-01", "2019-12-31"),
        ("20", "2000-01-01", "2099-12-31"),
    ])
    func intervals(value: String, start: String, end: String) throws {
        let v = try #require(TimexValue(value))
        #expect(v.description == value)
        #expect(v.interval.start.description == start)
        #expect(v.interval.end.description == end)
    }

    @Test(arguments: [
        "2024-13-45", "2024-02-30", "2024-13", "2024-W54", "2019-W53", "2024-Q5", "2024-H3", "P5Y",
        "PRESENT_REF", "", "abcd", "2024-4-1", "2024-XX",
    ])
    func rejects(value: String) {
        #expect(TimexValue(value) == nil)
    }

    @Test func autumnIsFall() {
        #expect(TimexValue("2019-AU")?.description == "2019-FA")
    }

    @Test func isoWeeks() {
        #expect(CivilDate(year: 2019, month: 11, day: 25)!.isoWeek == (2019, 48))
        #expect(CivilDate(year: 2021, month: 1, day: 3)!.isoWeek == (2020, 53))
        #expect(CivilDate(year: 2024, month: 5, day: 26)!.isoWeekday == 7)
        #expect(CivilDate.isoWeeks(in: 2020) == 53)
    }

    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2024, month: 1, day: 31)!.adding(months: 1).description == "2024-02-29")
        #expect(CivilDate(year: 2024, month: 1, day: 15)!.adding(months: -13).description == "2022-12-15")
    }

    @Test func cursorRoundTrip() {
        let o = EventOrder(startDay: 19_800, precision: 2, id: "e0123abcd")
        #expect(EventOrder(cursor: o.cursor) == o)
        #expect(EventOrder(cursor: "nonsense") == nil)
    }
}

@Suite struct MatcherTests {
    func event(_ evidence: String, places: [String] = []) -> TimelineEvent {
        TimelineEvent(
            id: "x",
            type: .meeting,
            date: TimexValue("2024")!,
            evidence: evidence,
            source: SourceReference(path: "/d/a.txt", title: nil, document: "abc"),
            places: places
        )
    }

    @Test(arguments: [
        ("bridge HARBIN", "The Harbin bridge opened.", true),
        ("harbin", "In HARBIN today.", true),
        ("bridg", "The bridge opened.", true),
        ("tunnel", "The bridge opened.", false),
        ("москва", "Встреча в МОСКВА прошла.", true),
        ("丹东", "会议在丹东举行。", true),
        ("", "Anything.", true),
    ])
    func wordsMatchIgnoringCase(text: String, evidence: String, hit: Bool) {
        #expect(TimelineQuery.Matcher(TimelineQuery(text: text)).matches(event(evidence)) == hit)
    }

    @Test func placesMatchIgnoringCase() {
        let m = TimelineQuery.Matcher(TimelineQuery(place: "DANDONG"))
        #expect(m.matches(event("x", places: ["Dandong"])))
        #expect(!m.matches(event("x", places: ["Donggang"])))
        #expect(TimelineQuery.Matcher(TimelineQuery(place: "ЯНЬЦЗИ")).matches(event("x", places: ["Яньцзи"])))
    }
}
