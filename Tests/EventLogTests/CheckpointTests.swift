import Foundation
import NIOPosix
import Testing
import TimelineCore

@testable import EventLog

/// The compact tiers and the checkpoint: what is saved is what is served, and a
/// checkpoint that does not fit the log is never used.
@Suite struct CheckpointTests {
    let loop = MultiThreadedEventLoopGroup.singleton.next()

    static let values = [
        "2024-04-17", "2024-04", "2024", "2023-SU", "2023-WI", "2019-W47", "2020-W01", "2020-Q1", "2021-H2", "201",
        "20", "1999-12-31", "0001-01-01",
    ]

    @Test(arguments: values) func packedDatesComeBackWhole(_ text: String) {
        let value = TimexValue(text)!
        #expect(PackedDate.unpack(PackedDate.pack(value)) == value)
    }

    /// An index changed through adds and retractions, with events still in the
    /// recent tier, hidden and changed ids: all of its state is in play.
    static func changedIndex(steps: Int) -> EventIndex {
        var state: UInt64 = 9
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var index = EventIndex()
        var byPath: [String: (sha: String, ids: [String])] = [:]
        var seq: UInt64 = 0
        for step in 0..<steps {
            let path = "/drop/\(next(300)).txt"
            let sha = "s\(step)"
            let events = (0..<next(6)).map { i in
                Fixtures.event(
                    "\(sha)-\(i)",
                    values[next(values.count)],
                    EventType.allCases[next(EventType.allCases.count)],
                    doc: sha,
                    places: next(3) == 0 ? ["Dandong", "Harbin"] : [],
                    evidence: next(5) == 0 ? "Встреча в Харбине состоялась." : "The council met on trade \(step)."
                )
            }
            if let old = byPath[path] {
                seq += 1
                index.apply(Retraction(document: old.sha, path: path, events: old.ids, reason: "changed"), lastSeq: seq)
            }
            seq += UInt64(events.count + 1)
            index.add(document: Fixtures.document(sha, path: path), events: events, lastSeq: seq)
            byPath[path] = (sha, events.map(\.id))
        }
        return index
    }

    static func roundTrip(_ index: EventIndex) throws -> EventIndex {
        let path = Fixtures.tempDir() + "/x.checkpoint"
        let log = Fixtures.tempDir() + "/events.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        try Checkpoint(
            index: index,
            logOffset: 0,
            lines: 0,
            lastSeq: index.lastSeq,
            logDigest: LogDigest().value,
            damage: []
        )
        .write(to: path)
        guard case .loaded(let loaded, _) = Checkpoint.load(from: path, logPath: log, logLength: 0) else {
            throw CheckpointError("not loaded")
        }
        return loaded.index
    }

    @Test func aLoadedIndexAnswersAsTheOneSaved() throws {
        let index = Self.changedIndex(steps: 1500)
        #expect(index.recent.count > 0)
        let loaded = try Self.roundTrip(index)
        #expect(loaded.events == index.events)
        #expect(loaded.eventCount == index.eventCount)
        #expect(loaded.lastSeq == index.lastSeq)
        #expect(loaded.documentOrder == index.documentOrder)
        #expect(loaded.eventCountsByType == index.eventCountsByType)
        for sha in index.documentOrder {
            #expect(loaded.eventIDs(ofDocument: sha) == index.eventIDs(ofDocument: sha))
            #expect(loaded.document(sha256: sha) == index.document(sha256: sha))
        }
        for e in index.events.prefix(200) { #expect(loaded.event(id: e.id) == e) }
        let queries = [
            TimelineQuery(limit: 50),
            TimelineQuery(from: CivilDate(year: 2020, month: 1, day: 1), types: [.meeting, .visit], limit: 20),
            TimelineQuery(text: "council trade", limit: 30),
            TimelineQuery(place: "harbin", limit: 10),
        ]
        for q in queries {
            #expect(loaded.query(q).events == index.query(q).events)
            #expect(loaded.mergedQuery(q).events == index.mergedQuery(q).events)
        }
        // Both go on the same way after more changes.
        var a = index
        var b = loaded
        for i in 0..<5000 {
            let e = Fixtures.event("late-\(i)", Self.values[i % Self.values.count], doc: "late\(i / 10)")
            a.add(document: Fixtures.document("late\(i / 10)", path: "/drop/late\(i / 10)"), events: [e], lastSeq: 1)
            b.add(document: Fixtures.document("late\(i / 10)", path: "/drop/late\(i / 10)"), events: [e], lastSeq: 1)
        }
        #expect(a.events == b.events)
        #expect(a.event(id: "late-17") == b.event(id: "late-17"))
    }

    /// A store on a copy of the log at `path`, built from the whole log.
    func fullRead(_ path: String) throws -> EventStore {
        let copy = Fixtures.tempDir() + "/events.log"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        return try EventStore(logPath: copy, loop: loop, checkpoints: false)
    }

    /// A store with a few documents appended, closed cleanly; returns the log's path.
    func closedStore(documents: Int) async throws -> String {
        let path = Fixtures.tempDir() + "/events.log"
        let store = try EventStore(logPath: path, loop: loop)
        for d in 0..<documents {
            let events = (0..<3).map { Fixtures.event("d\(d)-\($0)", Self.values[(d + $0) % Self.values.count]) }
            _ = try await store.append(document: Fixtures.document("d\(d)", path: "/drop/\(d).txt"), events: events)
        }
        await store.close()
        return path
    }

    @Test func aStoreStartsFromItsCheckpointAndTheLogAfterIt() async throws {
        let path = try await closedStore(documents: 20)
        #expect(FileManager.default.fileExists(atPath: Checkpoint.path(forLog: path)))
        let full = try fullRead(path).snapshot
        do {
            let store = try EventStore(logPath: path, loop: loop)
            #expect(store.startup.hasPrefix("index loaded from the checkpoint"), "\(store.startup)")
            #expect(store.snapshot.events == full.events)
            // A changed article after the checkpoint, then a start from it.
            _ = try await store.append(
                document: Fixtures.document("d3-new", path: "/drop/3.txt"),
                events: [Fixtures.event("n1", "2025-01-02")]
            )
        }
        let replayed = try EventStore(logPath: path, loop: loop)
        #expect(replayed.startup.contains("then 3 records"), "\(replayed.startup)")
        let reference = try fullRead(path).snapshot
        #expect(replayed.snapshot.events == reference.events)
        #expect(replayed.snapshot.documentOrder == reference.documentOrder)
        for sha in ["d3", "d3-new", "d1"] {
            #expect(replayed.snapshot.eventIDs(ofDocument: sha) == reference.eventIDs(ofDocument: sha))
        }
        #expect(!replayed.snapshot.isCurrent(sha256: "d3"))
        #expect(replayed.snapshot.lastSeq == reference.lastSeq)
    }

    enum Spoil: CaseIterable {
        case flipCheckpointByte, truncateCheckpoint, otherVersion, olderVersion, changeLogByte, shortenLog
    }

    @Test(arguments: Spoil.allCases) func aCheckpointThatDoesNotFitIsNotUsed(_ spoil: Spoil) async throws {
        let path = try await closedStore(documents: 30)
        let checkpoint = Checkpoint.path(forLog: path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: checkpoint)))
        var log = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let expected: String
        switch spoil {
        case .flipCheckpointByte:
            bytes[bytes.count / 2] ^= 0x40
            expected = "corrupt checkpoint"
        case .truncateCheckpoint:
            bytes.removeLast(bytes.count / 3)
            expected = "corrupt checkpoint"
        case .otherVersion:
            let index = try fullRead(path).snapshot
            var digest = LogDigest()
            log.withUnsafeBytes { digest.add($0) }
            try Checkpoint(
                index: index,
                logOffset: log.count,
                lines: 120,
                lastSeq: index.lastSeq,
                logDigest: digest.value,
                damage: []
            ).write(to: checkpoint, version: Checkpoint.version + 1)
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: checkpoint)))
            expected = "format version \(Checkpoint.version + 1)"
        case .olderVersion:
            // What a daemon of the previous format finds: the version is read first, so the
            // body is never read as this format's.
            let index = try fullRead(path).snapshot
            var digest = LogDigest()
            log.withUnsafeBytes { digest.add($0) }
            try Checkpoint(
                index: index,
                logOffset: log.count,
                lines: 120,
                lastSeq: index.lastSeq,
                logDigest: digest.value,
                damage: []
            ).write(to: checkpoint, version: Checkpoint.version - 1)
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: checkpoint)))
            expected = "format version \(Checkpoint.version - 1)"
        case .changeLogByte:
            // Inside an event's evidence: that record now fails its checksum.
            let at = log.count / 2
            log[at] = log[at] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            expected = "stale checkpoint"
        case .shortenLog:
            log.removeLast(40)
            expected = "stale checkpoint"
        }
        try Data(bytes).write(to: URL(fileURLWithPath: checkpoint))
        try Data(log).write(to: URL(fileURLWithPath: path))
        let full = try fullRead(path)
        let store = try EventStore(logPath: path, loop: loop)
        #expect(store.startup.contains("whole log"), "\(store.startup)")
        #expect(store.startup.contains(expected), "\(store.startup)")
        #expect(store.snapshot.events == full.snapshot.events)
        #expect(store.recovery == full.recovery)
        if spoil == .changeLogByte || spoil == .shortenLog { #expect(!store.recovery.isEmpty) }
    }

    @Test func damageFoundBeforeTheCheckpointIsReportedFromIt() async throws {
        let path = try await closedStore(documents: 10)
        // A corrupt record in the middle: a full read reports it, and so must a start from a checkpoint.
        var log = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let secondLine = log.firstIndex(of: UInt8(ascii: "\n"))! + 1
        log[secondLine + 20] ^= 0x01
        try Data(log).write(to: URL(fileURLWithPath: path))
        do {
            let store = try EventStore(logPath: path, loop: loop)
            #expect(store.recovery.count == 1)
            await store.close()
        }
        let store = try EventStore(logPath: path, loop: loop)
        #expect(store.startup.hasPrefix("index loaded from the checkpoint"), "\(store.startup)")
        let full = try fullRead(path)
        #expect(store.recovery == full.recovery)
        #expect(store.snapshot.events == full.snapshot.events)
    }
}
