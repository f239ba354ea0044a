import Testing
import TimelineCore

@testable import EventLog

/// The merged queries the happening table answers against the scanning implementation it replaced
/// (kept here as the reference), on random logs where many reports share happenings, with
/// retractions, returning content, compactions, paging by cursor and a rebuild from the log.
@Suite struct HappeningTableModelTests {
    typealias Rng = EventIndexModelTests.Rng

    /// The merged query as main answered it before the table: every page of the plain query,
    /// each result's reports found by testing every current event of its date and type.
    static func reference(
        _ index: EventIndex,
        _ query: TimelineQuery,
        byDay: [String: [TimelineEvent]]
    )
        -> EventIndex.Page
    {
        let (events, next) = HappeningMerge.page(
            limit: max(0, query.limit),
            after: query.after,
            matcher: TimelineQuery.Matcher(query),
            fetch: { after in
                var q = query
                q.after = after
                let page = index.query(q)
                return (page.events, page.next)
            },
            reports: { e in Happening.reports(of: e, among: byDay["\(e.date) \(e.type)"] ?? []) }
        )
        return EventIndex.Page(events: events, next: next)
    }

    static let values = ["2024-04-17", "2024-04-18", "2024-04", "2024-05", "2024", "2024-Q2", "2023-12-31"]
    static let placeLists: [[String]] = [
        [], ["Dandong"], ["dandong"], ["Dandong", "Sinuiju"], ["Sinuiju", "Dandong"], ["Sinuiju"],
        ["Dandong", "DANDONG"], ["Hunchun"],
    ]
    static let words = ["bridge", "customs", "port", "rail", "talks"]

    static func events(doc: String, count: Int, rng: inout Rng) -> [TimelineEvent] {
        (0..<count).map { i in
            let evidence = "Officials \(words[rng.next(words.count)]) and \(words[rng.next(words.count)])."
            return Fixtures.event(
                "\(doc)-\(i)",
                values[rng.next(values.count)],
                [EventType.meeting, .visit, .approval][rng.next(3)],
                doc: doc,
                places: placeLists[rng.next(placeLists.count)],
                evidence: evidence
            )
        }
    }

    static func queries(_ rng: inout Rng) -> [TimelineQuery] {
        let april = CivilDate(year: 2024, month: 4, day: 1)
        let aprilEnd = CivilDate(year: 2024, month: 4, day: 30)
        let day = CivilDate(year: 2024, month: 4, day: 17)
        var out: [TimelineQuery] = [
            TimelineQuery(limit: 1 + rng.next(9)),
            TimelineQuery(from: april, to: aprilEnd, types: [.meeting], limit: 1 + rng.next(9)),
            TimelineQuery(from: day, to: day, limit: 1 + rng.next(4)),
            TimelineQuery(text: words[rng.next(words.count)], limit: 1 + rng.next(9)),
            TimelineQuery(text: "officials \(words[rng.next(words.count)])", place: "dandong", limit: 2),
            TimelineQuery(place: "Sinuiju", limit: 1 + rng.next(9)),
            TimelineQuery(types: [.visit, .approval], text: words[rng.next(words.count)], limit: 5),
            TimelineQuery(limit: 0),
        ]
        out.append(TimelineQuery(source: "s1", limit: 3))
        return out
    }

    /// Every page of `query` from both, compared result by result with their mentions.
    static func comparePaging(_ index: EventIndex, _ query: TimelineQuery) {
        let byDay = Dictionary(grouping: index.events) { "\($0.date) \($0.type)" }
        var q = query
        var pages = 0
        while true {
            let got = index.mergedQuery(q)
            let want = reference(index, q, byDay: byDay)
            #expect(got.events.map(\.id) == want.events.map(\.id), "\(q)")
            #expect(got.events.map { $0.mentions?.map(\.id) } == want.events.map { $0.mentions?.map(\.id) }, "\(q)")
            #expect(got.events == want.events)
            #expect(got.next == want.next, "\(q)")
            guard let next = got.next, got.next == want.next, pages < 500 else { break }
            q.after = next
            pages += 1
        }
    }

    /// Every event's reports, from the table and by scanning, with and without the merge.
    static func compareReports(_ index: EventIndex) {
        let all = index.events
        let byDay = Dictionary(grouping: all) { "\($0.date) \($0.type)" }
        for e in all {
            let want = Happening.reports(of: e, among: byDay["\(e.date) \(e.type)"]!)
            #expect(index.reports(of: e).map(\.id) == want.map(\.id))
            #expect(
                index.mergedEvent(id: e.id)?.mentions?.map(\.id) == want.filter { $0.id != e.id }.nilIfEmpty?.map(\.id)
            )
        }
    }

    /// Random changes through `add` and `apply`: new paths, changed articles, earlier contents back.
    static func change(_ index: inout EventIndex, steps: Range<Int>, rng: inout Rng) {
        var seq = index.lastSeq
        for step in steps {
            let path = "/drop/\(rng.next(200)).txt"
            var events = Self.events(doc: "t\(step)", count: rng.next(7), rng: &rng)
            if rng.next(5) == 0, let old = index.latest(path: path) {
                // The content the path held before comes back under a new name.
                events = index.eventIDs(ofDocument: old).compactMap { index.event(id: $0) }
            }
            if let current = index.latest(path: path) {
                seq += 1
                let ids = index.eventIDs(ofDocument: current)
                index.apply(Retraction(document: current, path: path, events: ids, reason: "changed"), lastSeq: seq)
            }
            seq += UInt64(events.count + 1)
            index.add(document: Fixtures.document("t\(step)", path: path), events: events, lastSeq: seq)
        }
    }

    /// The table a checkpoint stores comes back answering as the tiers do, and goes on doing so
    /// through later changes and compactions.
    @Test func aCheckpointKeepsTheTableTheTiersImply() throws {
        var rng = Rng(state: 11)
        var index = EventIndex()
        Self.change(&index, steps: 0..<900, rng: &rng)
        #expect(index.happenings.topCount > 0)
        var loaded = try CheckpointTests.roundTrip(index)
        Self.compareReports(loaded)
        for q in Self.queries(&rng) { Self.comparePaging(loaded, q) }
        // Compacted first: a checkpoint of a table with no recent changes reads back the same.
        index.compact()
        Self.compareReports(try CheckpointTests.roundTrip(index))
        Self.change(&loaded, steps: 900..<2400, rng: &rng)
        Self.compareReports(loaded)
        for q in Self.queries(&rng) { Self.comparePaging(loaded, q) }
        Self.compareReports(try CheckpointTests.roundTrip(loaded))
    }

    @Test func answersAsTheScanningImplementationThroughChanges() {
        var rng = Rng(state: 7)
        var index = EventIndex()
        var log: [SequencedRecord] = []
        var seq: UInt64 = 0
        /// Every version each path has held, the current one last.
        var versions: [String: [(sha: String, events: [TimelineEvent])]] = [:]
        for step in 0..<1800 {
            let path = "/drop/\(rng.next(300)).txt"
            var version = (sha: "s\(step)", events: Self.events(doc: "s\(step)", count: rng.next(7), rng: &rng))
            let history = versions[path] ?? []
            // Now and then an earlier content comes back: its withdrawn events return.
            if history.count > 1, rng.next(4) == 0 { version = history[rng.next(history.count - 1)] }
            if let current = history.last {
                seq += 1
                let retraction = Retraction(
                    document: current.sha,
                    path: path,
                    events: current.events.map(\.id),
                    reason: "changed"
                )
                index.apply(retraction, lastSeq: seq)
                log.append(SequencedRecord(seq: seq, record: .retraction(retraction)))
            }
            let document = Fixtures.document(version.sha, path: path, events: version.events.count)
            seq += 1
            log.append(SequencedRecord(seq: seq, record: .document(document)))
            for e in version.events {
                seq += 1
                log.append(SequencedRecord(seq: seq, record: .event(e)))
            }
            index.add(document: document, events: version.events, lastSeq: seq)
            versions[path, default: []].append(version)
            if step % 300 == 299 {
                for q in Self.queries(&rng) { Self.comparePaging(index, q) }
            }
        }
        for q in Self.queries(&rng) { Self.comparePaging(index, q) }
        let all = index.events
        let byDay = Dictionary(grouping: all) { "\($0.date) \($0.type)" }
        #expect(all.contains { Happening.reports(of: $0, among: byDay["\($0.date) \($0.type)"]!).count > 2 })
        for e in all {
            let want = Happening.reports(of: e, among: byDay["\(e.date) \(e.type)"]!)
            #expect(index.reports(of: e).map(\.id) == want.map(\.id))
            #expect(
                index.mergedEvent(id: e.id)?.mentions?.map(\.id) == want.filter { $0.id != e.id }.nilIfEmpty?.map(\.id)
            )
        }

        // Built in one pass from the same log, as at start, it answers the same.
        let rebuilt = EventIndex(log)
        #expect(rebuilt.events.map(\.id) == all.map(\.id))
        for q in Self.queries(&rng) { Self.comparePaging(rebuilt, q) }
        for e in all { #expect(rebuilt.reports(of: e).map(\.id) == index.reports(of: e).map(\.id)) }
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
