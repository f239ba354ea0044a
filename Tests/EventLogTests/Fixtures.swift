import Foundation
import TimelineCore

@testable import EventLog

enum Fixtures {
    static func document(_ sha: String, path: String = "/drop/a.txt", events: Int = 0) -> DocumentRecord {
        DocumentRecord(
            sha256: sha,
            path: path,
            size: 10,
            modified: 1_700_000_000,
            title: "T",
            dct: CivilDate(year: 2024, month: 5, day: 26),
            dctSource: "byline",
            ingestedAt: "2024-05-26T00:00:00Z",
            status: .ingested,
            reason: nil,
            eventCount: events
        )
    }

    static func event(
        _ id: String,
        _ date: String,
        _ type: EventType = .meeting,
        doc: String = "d1",
        places: [String] = [],
        evidence: String = "A meeting was held."
    ) -> TimelineEvent {
        TimelineEvent(
            id: id,
            type: type,
            date: TimexValue(date)!,
            evidence: evidence,
            source: SourceReference(path: "/drop/\(doc).txt", title: "Title \(doc)", document: doc),
            places: places
        )
    }

    /// The lines of a log holding `groups` (document, events).
    static func log(_ groups: [(DocumentRecord, [TimelineEvent])]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var seq: UInt64 = 1
        for (d, events) in groups {
            var d = d
            d.eventCount = events.count
            bytes += try LogLineCodec.encode(SequencedRecord(seq: seq, record: .document(d)))
            seq += 1
            for e in events {
                bytes += try LogLineCodec.encode(SequencedRecord(seq: seq, record: .event(e)))
                seq += 1
            }
        }
        return bytes
    }

    static func tempDir() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("evlog-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
