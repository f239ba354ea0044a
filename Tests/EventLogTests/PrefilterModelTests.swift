import Testing
import TimelineCore

@testable import EventLog

/// The side arrays only skip events: every query gives what the plain matcher
/// gives over all events, whatever the words' case, script or position.
@Suite struct PrefilterModelTests {
    static let words = [
        "Dandong", "port", "report", "SUPPORT", "Bridge", "bridges", "rail-freight", "Даньдун", "丹东", "Straße",
        "e\u{301}lan", "élan", "KELVIN", "\u{212A}elvin", "x", "meeting,", "the", "Port.",
    ]

    static let queries = [
        "port", "PORT", "ort", "dandong bridge", "Dandong port", "rail", "freight", "-", "даньдун", "丹", "straße",
        "élan", "e\u{301}", "kelvin", "x", "t", "meeting,", "the port", "port.", "bridge rail", "nothing",
    ]

    @Test func wordTypeAndRangeQueriesMatchThePlainMatcher() {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var index = EventIndex()
        var all: [TimelineEvent] = []
        let values = [
            "2024-04-17", "2024-04", "2024", "2023-SU", "2019-W47", "2020-Q1", "2021-H2", "201", "2024-05-01",
        ]
        // Enough documents to cross a compaction, so both the main and the recent tier are searched.
        for d in 0..<700 {
            let events = (0..<7).map { i in
                let evidence = (0..<(1 + next(6))).map { _ in Self.words[next(Self.words.count)] }.joined(
                    separator: " "
                )
                return Fixtures.event(
                    "d\(d)-\(i)",
                    values[next(values.count)],
                    EventType.allCases[next(EventType.allCases.count)],
                    doc: "d\(d)",
                    evidence: evidence
                )
            }
            index.add(
                document: Fixtures.document("d\(d)", path: "/drop/\(d).txt"),
                events: events,
                lastSeq: UInt64(d + 1)
            )
            all += events
        }
        let sorted = all.sorted { EventOrder($0) < EventOrder($1) }
        let ranges: [(CivilDate?, CivilDate?)] = [
            (nil, nil), (CivilDate(year: 2024, month: 4, day: 1), CivilDate(year: 2024, month: 4, day: 30)),
            (CivilDate(year: 2020, month: 1, day: 1), nil), (nil, CivilDate(year: 2019, month: 12, day: 31)),
        ]
        for text in Self.queries {
            for (from, to) in ranges {
                for types in [[], [EventType.meeting], [.visit, .deadline]] as [Set<EventType>] {
                    var query = TimelineQuery(from: from, to: to, types: types, text: text, limit: 50)
                    let matcher = TimelineQuery.Matcher(query)
                    var paged: [String] = []
                    while true {
                        let page = index.query(query)
                        paged += page.events.map(\.id)
                        guard let next = page.next else { break }
                        query.after = next
                    }
                    #expect(
                        paged == sorted.filter(matcher.matches).map(\.id),
                        "\(text) \(types) \(String(describing: from))"
                    )
                }
            }
        }
    }
}
