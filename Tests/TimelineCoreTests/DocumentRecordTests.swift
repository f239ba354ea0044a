import Foundation
import Testing

@testable import TimelineCore

@Suite struct DocumentRecordTests {
    static let old = """
        {"dct":"2024-05-26","dct_source":"byline","event_count":3,"ingested_at":"2026-11-01T10:00:00Z",\
        "modified":1.5,"path":"/d/a.txt","sha256":"ab","size":10,"status":"ingested","title":"T"}
        """

    /// Lines logged before formats were recorded still load; the new fields are simply absent.
    @Test func recordsWithoutFormatAndEncodingStillLoad() throws {
        let record = try JSONDecoder().decode(DocumentRecord.self, from: Data(Self.old.utf8))
        #expect(record.format == nil && record.encoding == nil)
        #expect(record.eventCount == 3 && record.dctSource == "byline")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(record), as: UTF8.self) == Self.old)
    }

    @Test func formatAndEncodingRoundTrip() throws {
        var record = try JSONDecoder().decode(DocumentRecord.self, from: Data(Self.old.utf8))
        record.format = "html"
        record.encoding = "WINDOWS-1252"
        let data = try JSONEncoder().encode(record)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"format\":\"html\"") && text.contains("\"encoding\":\"WINDOWS-1252\""))
        #expect(try JSONDecoder().decode(DocumentRecord.self, from: data) == record)
    }
}
