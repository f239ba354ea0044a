import Foundation
import NIOPosix
import Testing
import TimelineCore

@testable import EventLog

@Suite struct EventStoreTests {
    let loop = MultiThreadedEventLoopGroup.singleton.next()

    @Test func appendsAreDurableAndReplayed() async throws {
        let dir = Fixtures.tempDir()
        let path = dir + "/events.log"
        do {
            let store = try EventStore(logPath: path, loop: loop)
            let outcome = try await store.append(
                document: Fixtures.document("d1"),
                events: [Fixtures.event("e1", "2024-04-17")]
            )
            #expect(outcome == .appended(firstSeq: 1, records: 2))
            #expect(store.snapshot.events.map(\.id) == ["e1"])
            #expect(try await store.append(document: Fixtures.document("d1"), events: []) == .duplicate)
            #expect(
                try await store.append(document: Fixtures.document("d2", path: "/drop/b.txt"), events: [])
                    == .appended(firstSeq: 3, records: 1)
            )
        }
        let reopened = try EventStore(logPath: path, loop: loop)
        #expect(reopened.recovery.isEmpty)
        #expect(reopened.snapshot.events.map(\.id) == ["e1"])
        #expect(reopened.snapshot.documentOrder == ["d1", "d2"])
        #expect(
            try await reopened.append(document: Fixtures.document("d3", path: "/drop/c.txt"), events: [])
                == .appended(firstSeq: 4, records: 1)
        )
    }

    @Test func aNewVersionOfAPathReplacesTheOldOneAndAnOldVersionCanComeBack() async throws {
        let path = Fixtures.tempDir() + "/events.log"
        do {
            let store = try EventStore(logPath: path, loop: loop)
            let v1 = [Fixtures.event("v1-0", "2024-04-17", doc: "v1")]
            let v2 = [Fixtures.event("v2-0", "2024-05", doc: "v2"), Fixtures.event("v2-1", "2023", doc: "v2")]
            _ = try await store.append(document: Fixtures.document("v1"), events: v1)
            _ = try await store.append(document: Fixtures.document("v2"), events: v2)
            #expect(store.snapshot.events.map(\.id) == ["v2-1", "v2-0"])
            #expect(store.snapshot.documentOrder == ["v2"])
            #expect(store.snapshot.event(id: "v1-0") == nil)
            // The first content again: logged again, and it is what the path holds now.
            #expect(
                try await store.append(document: Fixtures.document("v1"), events: v1)
                    == .appended(firstSeq: 7, records: 3)
            )
            #expect(store.snapshot.events.map(\.id) == ["v1-0"])
            // The log says so itself: each change is a retraction naming the withdrawn events.
            let scan = LogScan.scan(Array(FileManager.default.contents(atPath: path)!))
            let retractions: [Retraction] = scan.records.compactMap {
                if case .retraction(let r) = $0.record { r } else { nil }
            }
            #expect(retractions.map(\.document) == ["v1", "v2"])
            #expect(retractions.map(\.events) == [["v1-0"], ["v2-0", "v2-1"]])
            #expect(scan.damage.isEmpty)
        }
        // Replay gives the same view.
        let reopened = try EventStore(logPath: path, loop: loop)
        #expect(reopened.snapshot.events.map(\.id) == ["v1-0"])
        #expect(reopened.snapshot.documentOrder == ["v1"])
    }

    @Test func aSecondStoreOnTheSameLogIsRefused() throws {
        let path = Fixtures.tempDir() + "/events.log"
        let first = try EventStore(logPath: path, loop: loop)
        #expect {
            _ = try EventStore(logPath: path, loop: loop)
        } throws: { error in
            (error as? EventLogError)?.code == .locked
        }
        _ = first
    }

    @Test func tornTailIsCutOnOpenAndAppendsContinueCleanly() async throws {
        let dir = Fixtures.tempDir()
        let path = dir + "/events.log"
        var bytes = try Fixtures.log([(Fixtures.document("d1"), [Fixtures.event("e1", "2024-04-17")])])
        let whole = bytes.count
        bytes += Array(#"{"document":{"sha256":"d2","#.utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let store = try EventStore(logPath: path, loop: loop)
        #expect(store.recovery.map(\.kind) == [.tornTail])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == whole)
        _ = try await store.append(document: Fixtures.document("d2"), events: [Fixtures.event("e2", "2024")])
        let scan = LogScan.scan(Array(FileManager.default.contents(atPath: path)!))
        #expect(scan.damage.isEmpty)
        #expect(scan.documentCount == 2)
    }
}

@Suite struct EventIndexTests {
    func index() -> EventIndex {
        var index = EventIndex()
        index.add(
            document: Fixtures.document("d1"),
            events: [
                Fixtures.event("a", "2024-04-17", .meeting, places: ["Dandong"]),
                Fixtures.event("b", "2024-04", .visit, places: ["Dandong"], evidence: "A delegation was in Dandong."),
                Fixtures.event("c", "2024", .approval),
                Fixtures.event("d", "2024-05-13", .meeting, places: ["Donggang"]),
                Fixtures.event("e", "2019-W47", .visit),
                Fixtures.event("f", "2024-03-31", .deadline),
            ],
            lastSeq: 7
        )
        return index
    }

    @Test func orderIsStartThenPrecisionThenID() {
        #expect(index().events.map(\.id) == ["e", "c", "f", "b", "a", "d"])
    }

    @Test(arguments: [
        ("2024-04", "2024-04", ["c", "b", "a"]),
        ("2024-04-18", "2024-06", ["c", "b", "d"]),
        ("2019", "2019", ["e"]),
        ("2019-11-24", "2019-11-24", ["e"]),
        ("2019-11-25", "2023", []),
    ])
    func overlap(from: String, to: String, ids: [String]) {
        let q = TimelineQuery(from: TimexValue(from)!.interval.start, to: TimexValue(to)!.interval.end)
        #expect(index().query(q).events.map(\.id) == ids)
    }

    @Test func aWithdrawnEventThatComesBackChangedReplacesItsStoredCopy() {
        var index = EventIndex()
        index.add(
            document: Fixtures.document("v1"),
            events: [Fixtures.event("v1-0", "2024-04-17", doc: "v1")],
            lastSeq: 2
        )
        index.apply(Retraction(document: "v1", path: "/drop/a.txt", events: ["v1-0"], reason: "changed"), lastSeq: 3)
        index.add(document: Fixtures.document("v2"), events: [], lastSeq: 4)
        #expect(index.events.isEmpty)
        // The same content again, but read with another document date: same id, other date.
        index.apply(Retraction(document: "v2", path: "/drop/a.txt", events: [], reason: "changed"), lastSeq: 5)
        index.add(
            document: Fixtures.document("v1"),
            events: [Fixtures.event("v1-0", "2023-01-01", doc: "v1")],
            lastSeq: 7
        )
        #expect(index.events.map(\.date.description) == ["2023-01-01"])
        #expect(index.query(TimelineQuery()).events.map(\.date.description) == ["2023-01-01"])
        #expect(index.query(TimelineQuery(from: CivilDate(year: 2024, month: 4, day: 1))).events.isEmpty)
        #expect(index.event(id: "v1-0")?.date.description == "2023-01-01")
    }

    @Test func organisationFilterMatchesPartOfAName() {
        var index = EventIndex()
        var e = Fixtures.event("o1", "2024-04-17")
        e.organizations = ["Dandong City Party Committee"]
        index.add(document: Fixtures.document("d1"), events: [e, Fixtures.event("o2", "2024-04-18")], lastSeq: 3)
        #expect(index.query(TimelineQuery(organization: "party committee")).events.map(\.id) == ["o1"])
        #expect(index.query(TimelineQuery(organization: "State Council")).events.isEmpty)
    }

    @Test func filters() {
        let i = index()
        #expect(i.query(TimelineQuery(types: [.meeting])).events.map(\.id) == ["a", "d"])
        #expect(i.query(TimelineQuery(place: "dandong")).events.map(\.id) == ["b", "a"])
        #expect(i.query(TimelineQuery(text: "DELEGATION dandong")).events.map(\.id) == ["b"])
        #expect(i.query(TimelineQuery(source: "title d1")).events.count == 6)
        #expect(i.query(TimelineQuery(source: "nope")).events.isEmpty)
    }

    @Test func pagesWithCursors() {
        let i = index()
        var seen: [String] = []
        var query = TimelineQuery(limit: 4)
        var pages = 0
        while true {
            let page = i.query(query)
            seen += page.events.map(\.id)
            pages += 1
            guard let next = page.next else { break }
            query.after = EventOrder(cursor: next.cursor)
        }
        #expect(seen == ["e", "c", "f", "b", "a", "d"])
        #expect(pages == 2)
        // Exactly the limit: no next page.
        #expect(i.query(TimelineQuery(limit: 6)).next == nil)
    }
}
