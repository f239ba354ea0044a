import Foundation
import Testing
import TimelineCore

@testable import EventLog

/// The hand-written record reader against `JSONDecoder`, on the lines our encoder writes.
@Suite struct FastRecordDecoderTests {
    static let texts = [
        "A meeting was held.", "", "quote \" backslash \\ slash / tab\t newline\n nul\u{0} \u{1f}",
        "丹东 Даньдун 🇨🇳 e\u{301} \u{2028}", "<b>&amp;</b>",
    ]

    static var records: [SequencedRecord] {
        var out: [SequencedRecord] = []
        var seq: UInt64 = 1
        for (i, text) in texts.enumerated() {
            var d = Fixtures.document("sha\(i)", path: "/drop/\(text).txt", events: i)
            d.title = i % 2 == 0 ? nil : text
            d.dct = i % 3 == 0 ? nil : CivilDate(year: 2024, month: 2, day: 29)
            d.dctSource = i % 3 == 0 ? nil : "byline"
            d.reason = i == 2 ? text : nil
            d.status = i == 2 ? .failed : .ingested
            d.modified = [1_700_000_000, 1_700_000_000.123456, -3.5e-7, 0][i % 4]
            d.size = [0, 1, 123_456_789, 32 << 20][i % 4]
            out.append(SequencedRecord(seq: seq, record: .document(d)))
            seq += 1
            for k in 0..<3 {
                let e = Fixtures.event(
                    "sha\(i)-\(k)-\(text)",
                    ["2024-04-17", "2024-04", "2024", "2023-SU", "2019-W47", "201", "20", "2021-H2", "2020-Q1"][
                        (i + k) % 9
                    ],
                    EventType.allCases[(i + k) % EventType.allCases.count],
                    doc: "d\(text)",
                    places: k == 0 ? [] : [text, "Dandong"],
                    evidence: text
                )
                out.append(SequencedRecord(seq: seq, record: .event(e)))
                seq += 1
            }
            out.append(
                SequencedRecord(
                    seq: UInt64.max - UInt64(i),
                    record: .retraction(
                        Retraction(document: "sha\(i)", path: text, events: [text, "x"], reason: "changed")
                    )
                )
            )
        }
        return out
    }

    @Test func readsWhatTheEncoderWritesAsJSONDecoderDoes() throws {
        for record in Self.records {
            let line = try LogLineCodec.encode(record).dropLast()
            let fast = Array(line).withUnsafeBufferPointer(FastRecordDecoder.decode)
            #expect(fast == record)
            #expect(LogLineCodec.decodeGenerally(line) == .success(record))
            #expect(LogLineCodec.decode(line) == .success(record))
        }
    }

    @Test(arguments: [
        // A field it does not know (another branch may add one): the general decoder takes it.
        #"{"document":{"event_count":0,"format":"text","ingested_at":"t","modified":1,"path":"p","sha256":"s","size":1,"status":"ingested"},"kind":"document","seq":1}"#,
        // Spaces, escapes and key orders our encoder never writes.
        #"{ "seq" : 3 , "kind":"retraction", "retraction":{"reason":"changed","events":["a\u00e9\ud83d\ude00"],"path":"\/p","document":"d"}}"#,
    ])
    func unusualLinesDecodeAsJSONDecoderDecodesThem(line: String) {
        let bytes = Array(line.utf8)[...]
        guard case .success(let general) = LogLineCodec.decodeGenerally(bytes) else {
            Issue.record("JSONDecoder refuses \(line)")
            return
        }
        let fast = Array(bytes).withUnsafeBufferPointer(FastRecordDecoder.decode)
        #expect(fast == nil || fast == general)
    }

    @Test(arguments: [
        #"{"kind":"event","seq":1}"#,
        #"{"kind":"document","seq":1,"event":{}}"#,
        #"{"kind":"retraction","seq":1,"retraction":{"document":"d","path":"p","events":[],"reason":"r"}} x"#,
        #"{"kind":"retraction","seq":-1,"retraction":{"document":"d","path":"p","events":[],"reason":"r"}}"#,
        #"{"kind":"retraction","seq":1,"seq":2,"retraction":{"document":"d","path":"p","events":[],"reason":"r"}}"#,
        #"{"kind":"retraction","seq":1,"retraction":{"document":"d","path":"p\ud800","events":[],"reason":"r"}}"#,
    ])
    func refusesWhatIsNotExactlyARecord(line: String) {
        #expect(Array(line.utf8).withUnsafeBufferPointer(FastRecordDecoder.decode) == nil)
    }
}
