import Testing

@testable import TimelineCore

@Suite struct HappeningMergeTests {
    static func event(
        _ id: String,
        _ type: EventType,
        _ date: String,
        _ places: [String],
        _ evidence: String
    ) -> TimelineEvent {
        TimelineEvent(
            id: id,
            type: type,
            date: TimexValue(date)!,
            evidence: evidence,
            source: SourceReference(path: "/drop/\(id).txt", title: nil, document: id),
            places: places
        )
    }

    /// Three reports of one meeting, a meeting elsewhere that day, and one with no place.
    static let events = [
        event("a-1", .meeting, "2024-04-17", ["Dandong"], "Officials met in Dandong on April 17."),
        event("b-1", .meeting, "2024-04-17", ["dandong"], "A meeting in Dandong on 17 April agreed on customs."),
        event("c-1", .meeting, "2024-04-17", ["Dandong"], "Dandong hosted talks on April 17."),
        event("d-1", .meeting, "2024-04-17", ["Hunchun"], "Hunchun held a meeting on April 17."),
        event("e-1", .meeting, "2024-04-17", [], "A meeting was held on April 17."),
        event("f-1", .meeting, "2024-04-17", [], "Another meeting was held on April 17."),
    ].sorted { EventOrder($0) < EventOrder($1) }

    static func run(_ query: TimelineQuery) -> (events: [TimelineEvent], next: EventOrder?) {
        let matcher = TimelineQuery.Matcher(query)
        let fetch = { (after: EventOrder?) -> (events: [TimelineEvent], next: EventOrder?) in
            let rest = events.filter { e in after.map { EventOrder(e) > $0 } ?? true }.filter(matcher.matches)
            let page = Array(rest.prefix(query.limit))
            return (page, rest.count > page.count ? page.last.map(EventOrder.init) : nil)
        }
        return HappeningMerge.page(limit: query.limit, after: query.after, matcher: matcher, fetch: fetch) { e in
            Happening.reports(of: e, among: events)
        }
    }

    @Test func oneHappeningIsOneResultListingEveryOtherReport() {
        let page = Self.run(TimelineQuery())
        #expect(page.events.map(\.id) == ["a-1", "d-1", "e-1", "f-1"])
        #expect(page.events[0].mentions?.map(\.id) == ["b-1", "c-1"])
        #expect(page.events[0].mentions?[0].evidence == "A meeting in Dandong on 17 April agreed on customs.")
        #expect(page.events[1].mentions == nil)
        #expect(page.next == nil)
    }

    /// The first report that matches stands for the happening; the others are still listed.
    @Test func theFirstMatchingReportStandsForTheHappening() {
        let page = Self.run(TimelineQuery(text: "customs"))
        #expect(page.events.map(\.id) == ["b-1"])
        #expect(page.events[0].mentions?.map(\.id) == ["a-1", "c-1"])
    }

    /// Paging one result at a time visits each happening once and ends.
    @Test func pagesVisitEachHappeningOnce() {
        var query = TimelineQuery(limit: 1)
        var seen: [String] = []
        for _ in 0..<10 {
            let page = Self.run(query)
            seen += page.events.map(\.id)
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(seen == ["a-1", "d-1", "e-1", "f-1"])
    }

    /// No place, no merging; the same places (in any case) and the same day or month do.
    @Test func reportsNeedTheSamePlacesAndAPreciseDate() {
        let e = Self.events.first { $0.id == "e-1" }!
        #expect(Happening.reports(of: e, among: Self.events).map(\.id) == ["e-1"])
        let pool = [
            Self.event("x-1", .visit, "2024-05", ["Heihe"], "A"),
            Self.event("x-2", .visit, "2024-05", ["HEIHE"], "B"),
            Self.event("y-1", .visit, "2024-05", ["Amur", "Heihe"], "a shared place is not enough"),
            Self.event("w-1", .visit, "2024-05-01", ["Heihe"], "another date"),
            Self.event("v-1", .meeting, "2024-05", ["Heihe"], "another type"),
            Self.event("u-1", .visit, "2024", ["Heihe"], "a year is too coarse"),
            Self.event("u-2", .visit, "2024", ["Heihe"], "a year is too coarse"),
        ]
        #expect(Happening.reports(of: pool[0], among: pool).map(\.id) == ["x-1", "x-2"])
        #expect(Happening.reports(of: pool[2], among: pool).map(\.id) == ["y-1"])
        #expect(Happening.reports(of: pool[5], among: pool).map(\.id) == ["u-1"])
    }
}
