import Testing
import TimelineCore

@testable import EventLog

/// The two-tier index against a plain model (a dictionary, sorted when asked),
/// through enough changes to cross several compactions.
@Suite struct EventIndexModelTests {
    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let values = [
        "2024-04-17", "2024-04", "2024", "2023-SU", "2019-W47", "2020-Q1", "2021-H2", "201", "2022-12-31",
    ]

    func events(doc: String, count: Int, rng: inout Rng) -> [TimelineEvent] {
        (0..<count).map { i in
            Fixtures.event(
                "\(doc)-\(i)",
                Self.values[rng.next(Self.values.count)],
                EventType.allCases[rng.next(EventType.allCases.count)],
                doc: doc,
                places: rng.next(3) == 0 ? ["Dandong"] : []
            )
        }
    }

    @Test func matchesAPlainModelThroughChangesAndCompactions() {
        var rng = Rng(state: 42)
        var index = EventIndex()
        var model: [String: TimelineEvent] = [:]
        var docOfPath: [String: (sha: String, events: [TimelineEvent])] = [:]
        var seq: UInt64 = 0
        var log: [SequencedRecord] = []
        for step in 0..<2500 {
            let path = "/drop/\(rng.next(400)).txt"
            let sha = "s\(step)"
            let new = events(doc: sha, count: rng.next(7), rng: &rng)
            if let old = docOfPath[path] {
                seq += 1
                let retraction = Retraction(
                    document: old.sha,
                    path: path,
                    events: old.events.map(\.id),
                    reason: "changed"
                )
                index.apply(retraction, lastSeq: seq)
                log.append(SequencedRecord(seq: seq, record: .retraction(retraction)))
                for e in old.events { model[e.id] = nil }
            }
            log.append(
                SequencedRecord(seq: seq + 1, record: .document(Fixtures.document(sha, path: path, events: new.count)))
            )
            for (i, e) in new.enumerated() { log.append(SequencedRecord(seq: seq + 2 + UInt64(i), record: .event(e))) }
            seq += UInt64(new.count + 1)
            index.add(document: Fixtures.document(sha, path: path), events: new, lastSeq: seq)
            for e in new { model[e.id] = e }
            docOfPath[path] = (sha, new)
        }
        let expected = model.values.sorted { EventOrder($0) < EventOrder($1) }
        #expect(index.eventCount == model.count)
        #expect(index.events.map(\.id) == expected.map(\.id))
        #expect(index.documentOrder.count == docOfPath.count)

        // Paging through a filtered query gives the model's filtered list.
        let q = TimelineQuery(
            from: CivilDate(year: 2020, month: 1, day: 1),
            to: CivilDate(year: 2024, month: 4, day: 30),
            place: "dandong",
            limit: 37
        )
        let matcher = TimelineQuery.Matcher(q)
        var paged: [String] = []
        var query = q
        while true {
            let page = index.query(query)
            paged += page.events.map(\.id)
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(paged == expected.filter(matcher.matches).map(\.id))

        // Rebuilt in one pass from the same records, as at start, it is the same.
        let rebuilt = EventIndex(log)
        #expect(rebuilt.events.map(\.id) == expected.map(\.id))
        #expect(rebuilt.documentOrder == index.documentOrder)
        #expect(rebuilt.lastSeq == index.lastSeq)
    }
}
