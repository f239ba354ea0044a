import Testing
import TimelineCore

@testable import EventLog

/// The evidence postings only narrow the walk: with them ready, built or carried through
/// compactions and withdrawals, every query gives what the plain matcher gives over all events.
@Suite struct EvidenceWordsModelTests {
    static let words = [
        "Dandong", "port", "report", "SUPPORT", "Bridge", "bridges", "rail-freight", "Даньдун", "丹东", "Straße",
        "\u{212A}elvin", "x", "meeting,", "the", "Port.", "tab\tbed", "Harbin", "harbour", "a", "HUNCHUN", "ports",
    ]

    static let queries = [
        "port", "PORT", "ort", "dandong bridge", "Dandong port", "rail", "freight", "-", "даньдун", "丹", "straße",
        "kelvin", "x", "t", "meeting,", "the port", "port.", "bridge rail", "nothing", "tab", "bed", "harb",
        "hunchun port", "a", "ports harbin", "dandong harbin hunchun",
    ]

    struct Model {
        var state: UInt64 = 11
        var index = EventIndex()
        var current: [String: TimelineEvent] = [:]
        var documentEvents: [String: [String]] = [:]

        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }

        /// Adds `count` documents; every fifth replaces an earlier path's content (a withdrawal).
        mutating func add(documents range: Range<Int>) {
            let values = ["2024-04-17", "2024-04", "2024", "2019-W47", "2020-Q1", "2021-03-02", "2024-05-01"]
            for d in range {
                let path = d % 5 == 4 ? "/drop/\(next(max(1, d))).txt" : "/drop/\(d).txt"
                let sha = "d\(d)"
                let events = (0..<6).map { i in
                    let evidence = (0..<(1 + next(7))).map { _ in
                        EvidenceWordsModelTests.words[next(EvidenceWordsModelTests.words.count)]
                    }
                    .joined(separator: " ")
                    return Fixtures.event(
                        "\(sha)-\(i)",
                        values[next(values.count)],
                        EventType.allCases[next(3)],
                        doc: sha,
                        places: next(2) == 0 ? ["Dandong"] : [],
                        evidence: evidence
                    )
                }
                if let previous = index.latest(path: path) {
                    let ids = index.eventIDs(ofDocument: previous)
                    index.apply(Retraction(document: previous, path: path, events: ids, reason: "changed"), lastSeq: 0)
                    for id in ids { current[id] = nil }
                }
                index.add(document: Fixtures.document(sha, path: path), events: events, lastSeq: UInt64(d + 1))
                for e in events { current[e.id] = e }
            }
        }

        /// Every query, paged, against the matcher over the current events; merged and not.
        func check(_ label: String) {
            let sorted = current.values.sorted { EventOrder($0) < EventOrder($1) }
            let ranges: [(CivilDate?, CivilDate?)] = [
                (nil, nil), (CivilDate(year: 2024, month: 4, day: 1), CivilDate(year: 2024, month: 4, day: 30)),
            ]
            for text in EvidenceWordsModelTests.queries {
                for (from, to) in ranges {
                    var query = TimelineQuery(from: from, to: to, text: text, limit: 40)
                    let matcher = TimelineQuery.Matcher(query)
                    var paged: [String] = []
                    while true {
                        let page = index.query(query)
                        paged += page.events.map(\.id)
                        guard let next = page.next else { break }
                        query.after = next
                    }
                    #expect(paged == sorted.filter(matcher.matches).map(\.id), "\(label): \(text)")
                    // Merged pages hold one report of each happening: every match is it or one of its mentions.
                    query.after = nil
                    var shown = Set<String>()
                    while true {
                        let page = index.mergedQuery(query)
                        for e in page.events { shown.formUnion([e.id] + (e.mentions ?? []).map(\.id)) }
                        guard let next = page.next else { break }
                        query.after = next
                    }
                    #expect(sorted.filter(matcher.matches).allSatisfy { shown.contains($0.id) }, "\(label): \(text)")
                }
            }
        }

        /// Every event of `main` holding all of a query's words is among its candidates.
        func checkCandidates(_ label: String) {
            guard let words = index.evidenceWords.words(for: index.main) else {
                Issue.record("\(label): postings not ready")
                return
            }
            for text in EvidenceWordsModelTests.queries {
                let filter = EventIndex.Prefilter(TimelineQuery(text: text))
                guard !filter.words.isEmpty, let candidates = words.candidates(for: filter.words) else { continue }
                #expect(candidates.elementsEqual(candidates.sorted()), "\(label): \(text) sorted")
                let matcher = TimelineQuery.Matcher(TimelineQuery(text: text))
                let wanted = (0..<index.main.count).filter { matcher.matches(index.main.event(at: $0)) }
                let set = Set(candidates.map(Int.init))
                #expect(wanted.allSatisfy(set.contains), "\(label): \(text)")
            }
        }
    }

    @Test func postingsBuiltAndCarriedThroughCompactionsGiveThePlainMatchersAnswers() {
        var model = Model()
        // Past the recent tier's limit, so `main` holds events and is compacted into again.
        model.add(documents: 0..<800)
        #expect(model.index.main.count > 0)
        // A small threshold: some tokens keep postings and some are common.
        model.index.evidenceWords = EvidenceWordsSlot(alwaysIndexed: 40)
        model.index.evidenceWords.build(model.index.main)
        model.checkCandidates("built")
        model.check("built")
        // More appends and withdrawals, across compactions: the postings follow the moves.
        model.add(documents: 800..<1400)
        model.checkCandidates("compacted")
        model.check("compacted")
    }

    @Test func queriesScanWhileThePostingsAreNotReady() {
        var model = Model()
        model.add(documents: 0..<700)
        model.index.evidenceWords = EvidenceWordsSlot(alwaysIndexed: 40)
        model.check("not built")
    }

    @Test func aBuildForAnotherTierIsNotUsed() {
        var model = Model()
        model.add(documents: 0..<750)
        let slot = EvidenceWordsSlot(alwaysIndexed: 40)
        slot.build(model.index.main)
        var other = Model()
        other.state = 99
        other.add(documents: 0..<760)
        #expect(slot.words(for: other.index.main) == nil)
    }
}
