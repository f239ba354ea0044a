import Foundation
import Testing
import TimelineCore

@testable import EventLog

@Suite struct LayeredMapTests {
    @Test func readsThroughTheLayersAndCounts() {
        var m = LayeredMap<UInt64>(["a": 1, "b": 2])
        m["c"] = 3
        m["a"] = 10
        m["b"] = nil
        #expect(m["a"] == 10 && m["b"] == nil && m["c"] == 3)
        #expect(m.count == 2)
        #expect(Set(m.entries.map(\.key)) == ["a", "c"])
        let snapshot = m
        m.compact()
        m["d"] = 4
        #expect(m.count == 3 && m.topCount == 1)
        #expect(snapshot["d"] == nil && snapshot.count == 2)
        #expect(m.removeValue(forKey: "a") == 10)
        #expect(m.removeValue(forKey: "zz") == nil)
        #expect(m.count == 2)
    }

    /// Compaction folds changes into a new packed base, copying what did not change as bytes.
    @Test func compactionKeepsEveryEntry() {
        var m = LayeredMap<String>()
        var model: [String: String] = [:]
        var state: UInt64 = 3
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for step in 0..<3000 {
            let key = "/drop/ключ-\(next(400)).txt"
            if next(4) == 0 {
                m[key] = nil
                model[key] = nil
            } else {
                m[key] = "sha-\(step)"
                model[key] = "sha-\(step)"
            }
            if step % 97 == 0 { m.compact() }
        }
        #expect(m.count == model.count)
        #expect(Dictionary(uniqueKeysWithValues: m.entries.map { ($0.key, $0.value) }) == model)
        m.compact()
        #expect(m.topCount == 0 && m.base.count == model.count)
        for (k, v) in model { #expect(m[k] == v) }
        #expect(m["/drop/absent"] == nil)
    }

    static let digests = [
        String(repeating: "0123456789abcdef", count: 4),
        String(repeating: "f", count: 64),
        // Not a lower-case SHA-256: kept as they are.
        String(repeating: "A", count: 64),
        String(repeating: "a", count: 63),
        String(repeating: "a", count: 65),
        "doc-1",
        "",
        "ключ",
    ]

    /// SHA-256s are stored in 33 bytes, anything else as it is, and all come back exactly.
    @Test(arguments: digests) func digestsComeBackExactly(_ s: String) {
        var bytes: [UInt8] = []
        PackedDigest.append(s, to: &bytes)
        #expect(bytes.count == (PackedDigest.isDigest(s) ? 33 : s.utf8.count))
        #expect(bytes.withUnsafeBytes { PackedDigest.decode($0) } == s)
        #expect(PackedDigest.withEncoded(s) { Array($0) } == bytes)
        var m = LayeredMap<String>([s: s, "other": "x"])
        m.compact()
        #expect(m[s] == s && m["other"] == "x")
        #expect(Set(m.entries.map(\.key)) == [s, "other"])
    }

    @Test func packedDocumentsComeBackWholeAndAreCountedInPlace() {
        var m = LayeredMap<DocumentEntry>()
        for k in 0..<50 {
            let record = DocumentRecord(
                sha256: String(format: "%064x", k),
                path: "/drop/дело-\(k).txt",
                size: k * 1000 - 7,
                modified: 1.5e9 + Double(k),
                title: k % 3 == 0 ? nil : "Title \(k)",
                dct: k % 4 == 0 ? nil : CivilDate(dayNumber: k - 20),
                dctSource: k % 2 == 0 ? "byline" : nil,
                ingestedAt: "2026-11-23T14:00:00Z",
                status: k % 5 == 0 ? .failed : .ingested,
                reason: k % 5 == 0 ? "unreadable" : nil,
                eventCount: k,
                format: "text",
                encoding: k % 7 == 0 ? nil : "UTF-8"
            )
            var entry = DocumentEntry(record: record, currentSeq: k % 3 == 1 ? nil : UInt64(k) * 1_000_000_007)
            entry.ids = IDList((0..<k % 4).map { "\(record.sha256)-\($0)" })
            m[record.sha256] = entry
            if k == 30 { m.compact() }
        }
        // One base entry changed in the top layer.
        m[String(format: "%064x", 3)]?.currentSeq = nil
        for status in [DocumentRecord.Status.ingested, .failed] {
            let expected = m.values.count { $0.currentSeq != nil && $0.record.status == status }
            let counted = m.count(
                packed: { DocumentEntry.currentStatus(in: $0) == status },
                changed: { $0.currentSeq != nil && $0.record.status == status }
            )
            #expect(counted == expected)
        }
        let before = m.values
        m.compact()
        #expect(Set(m.values.map(\.record)) == Set(before.map(\.record)))
        for v in before { #expect(m[v.record.sha256] == v) }
    }

    @Test func sourcesComeBackWhole() {
        let sources = [
            SourceReference(path: "/drop/a.txt", title: nil, document: String(repeating: "ab", count: 32)),
            SourceReference(path: "/drop/б.txt", title: "Заголовок", document: "not-a-digest"),
            SourceReference(path: "", title: "", document: ""),
        ]
        var table = SourceTable()
        for s in sources { table.append(packed: SourceTable.pack(s)) }
        #expect((0..<table.count).map { table[$0] } == sources)
        #expect(table.lastNumber(ofPacked: SourceTable.pack(sources[1])) == 1)
        #expect(
            table.lastNumber(ofPacked: SourceTable.pack(SourceReference(path: "x", title: nil, document: ""))) == nil
        )
    }

    @Test func idListsKeepTheirIDsInOrder() {
        let ids = [
            "63cbe1e4-0", "63cbe1e4-1", "63cbe1e4-10", "63cbe1e4-2", "", "x", "63cbe1e4-1", "встреча-1", "встреча-2",
        ]
        let list = IDList(ids)
        #expect(list.ids == ids)
        // Shared prefixes are stored once: far fewer bytes than the ids themselves.
        #expect(list.bytes.count < ids.reduce(0) { $0 + $1.utf8.count })
        // Read back from its bytes, it goes on from its last id.
        var again = IDList(bytes: list.bytes)
        again.append("встреча-3")
        #expect(again.ids == ids + ["встреча-3"])
        #expect(
            list.removing(["63cbe1e4-1", "x"]).ids == [
                "63cbe1e4-0", "63cbe1e4-10", "63cbe1e4-2", "", "встреча-1", "встреча-2",
            ]
        )
        // Damaged bytes give a shorter list, not a trap.
        #expect(IDList(bytes: Array(list.bytes.dropLast(3))).ids.count < ids.count)
        #expect(IDList(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]).ids.isEmpty)
    }

    @Test func documentsComeBackFromTheirBytes() {
        let documents = [
            Fixtures.document("s1", path: "/drop/a.txt", events: 3),
            DocumentRecord(
                sha256: "s2",
                path: "/drop/b — é.pdf",
                size: 0,
                modified: 1_700_000_000.123456,
                title: nil,
                dct: nil,
                dctSource: nil,
                ingestedAt: "2026-01-01T00:00:00Z",
                status: .failed,
                reason: "not a PDF",
                eventCount: 0,
                format: "pdf",
                encoding: nil
            ),
        ]
        for d in documents {
            var bytes: [UInt8] = []
            d.pack(into: &bytes)
            #expect(bytes.withUnsafeBytes { DocumentRecord(unpacking: $0) } == d)
            // Cut short, the bytes still read as some document, never a trap.
            _ = bytes.dropLast(5).withUnsafeBytes { DocumentRecord(unpacking: $0) }
            var entry = DocumentEntry(record: d, currentSeq: 42)
            entry.ids = IDList(["\(d.sha256)-0", "\(d.sha256)-1"])
            var packed: [UInt8] = []
            entry.pack(into: &packed)
            #expect(packed.withUnsafeBytes { DocumentEntry(unpacking: $0) } == entry)
            #expect(packed.withUnsafeBytes { DocumentEntry.currentSeq(in: $0) } == 42)
            for cut in [1, 9, 17, 20, packed.count - 1] {
                _ = packed.prefix(cut).withUnsafeBytes { DocumentEntry(unpacking: $0) }
            }
        }
    }
}
