import Foundation
import NIOPosix
import Testing
import TimelineCore

@testable import EventLog

@Suite struct LogChangeReaderTests {
    let loop = MultiThreadedEventLoopGroup.singleton.next()

    /// A store with `documents` documents of two events each at distinct paths.
    func store(documents: Int) async throws -> EventStore {
        let store = try EventStore(logPath: Fixtures.tempDir() + "/events.log", loop: loop)
        for d in 0..<documents {
            let doc = "d\(d)"
            _ = try await store.append(
                document: Fixtures.document(doc, path: "/drop/\(d).txt"),
                events: [
                    Fixtures.event("\(doc)-0", "2024-04-17", doc: doc), Fixtures.event("\(doc)-1", "2024-05", doc: doc),
                ]
            )
        }
        return store
    }

    @Test func readsEveryRecordInOrderInBatches() async throws {
        let store = try await store(documents: 50)
        let reader = LogChangeReader(path: store.logPath, spacing: 7)
        let durable = store.durable
        #expect(durable.lastSeq == 150)
        var after: UInt64 = 0
        var seqs: [UInt64] = []
        while after < durable.lastSeq {
            let batch = try reader.read(after: after, limit: 13, length: durable.length)
            #expect(!batch.records.isEmpty)
            #expect(batch.records.count <= 13)
            seqs += batch.records.map(\.seq)
            after = batch.through
        }
        #expect(seqs == Array(1...150))
        #expect(reader.checkpointCount >= 150 / 7 - 1)
        // Nothing after the end.
        let end = try reader.read(after: 150, limit: 10, length: durable.length)
        #expect(end.records.isEmpty)
        #expect(end.through == 150)
    }

    @Test(arguments: [0, 1, 2, 3, 64, 99, 146])
    func resumesAtAnyPositionThroughTheTable(after: Int) async throws {
        let store = try await store(documents: 50)
        let reader = LogChangeReader(path: store.logPath, spacing: 5)
        // Fill the table once, then start from the middle.
        _ = try reader.read(after: 0, limit: 1000, length: store.durable.length)
        let batch = try reader.read(after: UInt64(after), limit: 4, length: store.durable.length)
        #expect(batch.records.map(\.seq) == Array(UInt64(after + 1)...UInt64(after + 4)))
    }

    @Test func neverReadsPastTheDurableLength() async throws {
        let store = try await store(documents: 3)
        let reader = LogChangeReader(path: store.logPath)
        let before = store.durable
        _ = try await store.append(document: Fixtures.document("late", path: "/drop/late.txt"), events: [])
        let batch = try reader.read(after: 0, limit: 1000, length: before.length)
        #expect(batch.records.last?.seq == before.lastSeq)
        #expect(try reader.read(after: 0, limit: 1000, length: store.durable.length).records.count == 10)
    }

    @Test func retractionsAreInTheFeed() async throws {
        let store = try EventStore(logPath: Fixtures.tempDir() + "/events.log", loop: loop)
        _ = try await store.append(
            document: Fixtures.document("v1"),
            events: [Fixtures.event("v1-0", "2024", doc: "v1")]
        )
        _ = try await store.append(document: Fixtures.document("v2"), events: [])
        let records = try store.changes.read(after: 0, limit: 100, length: store.durable.length).records
        let kinds = records.map { r -> String in
            switch r.record {
            case .retraction(let x): "retraction \(x.events)"
            case .document: "document"
            case .event(let e): "event \(e.id)"
            }
        }
        #expect(kinds == ["document", "event v1-0", "retraction [\"v1-0\"]", "document"])
    }
}
