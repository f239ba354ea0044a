import Testing
import TimelineCore

@testable import EventLog

/// Across documents, one happening is one query result listing every other report of it.
@Suite struct HappeningIndexTests {
    static func meeting(_ id: String, doc: String, places: [String], evidence: String) -> TimelineEvent {
        Fixtures.event(id, "2024-04-17", .meeting, doc: doc, places: places, evidence: evidence)
    }

    static func index() -> EventIndex {
        var index = EventIndex()
        let groups: [(String, [TimelineEvent])] = [
            ("d1", [meeting("d1-0", doc: "d1", places: ["Dandong"], evidence: "Officials met in Dandong.")]),
            ("d2", [meeting("d2-0", doc: "d2", places: ["Dandong"], evidence: "Dandong talks on customs.")]),
            ("d3", [meeting("d3-0", doc: "d3", places: ["Sinuiju"], evidence: "Sinuiju officials met.")]),
            ("d4", [Fixtures.event("d4-0", "2024-04", .meeting, doc: "d4", places: ["Dandong"])]),
        ]
        for (seq, (doc, events)) in groups.enumerated() {
            index.add(
                document: Fixtures.document(doc, path: "/drop/\(doc).txt"),
                events: events,
                lastSeq: UInt64(seq + 1)
            )
        }
        return index
    }

    @Test func mergedQueryShowsEachHappeningOnce() {
        let page = Self.index().mergedQuery(TimelineQuery(from: CivilDate(year: 2024, month: 4, day: 17)))
        #expect(page.events.map(\.id) == ["d4-0", "d1-0", "d3-0"])
        #expect(page.events[1].mentions?.map(\.id) == ["d2-0"])
        #expect(page.events[1].mentions?.first?.evidence == "Dandong talks on customs.")
        #expect(page.events[2].mentions == nil)
        // Plain queries, cursors and the log are untouched.
        #expect(Self.index().query(TimelineQuery()).events.count == 4)
        #expect(Self.index().event(id: "d1-0")?.mentions == nil)
    }

    @Test func aFilterChoosesWhichReportStandsForTheHappening() {
        let page = Self.index().mergedQuery(TimelineQuery(text: "customs"))
        #expect(page.events.map(\.id) == ["d2-0"])
        #expect(page.events[0].mentions?.map(\.id) == ["d1-0"])
        #expect(Self.index().mergedEvent(id: "d2-0")?.mentions?.map(\.id) == ["d1-0"])
    }

    @Test func aWithdrawnReportLeavesTheHappening() {
        var index = Self.index()
        index.apply(Retraction(document: "d2", path: "/drop/d2.txt", events: ["d2-0"], reason: "changed"), lastSeq: 10)
        let page = index.mergedQuery(TimelineQuery(from: CivilDate(year: 2024, month: 4, day: 17)))
        #expect(page.events.map(\.id) == ["d4-0", "d1-0", "d3-0"])
        #expect(page.events[1].mentions == nil)
    }
}
