import Foundation
import Testing
import TimelineCore
import TimelineProtocol

/// The hand-written result encoder against Foundation's, byte for byte.
@Suite struct JSONWriterTests {
    static let awkward = [
        "plain", "", "quote \" and backslash \\ and slash /", "tab\tnewline\ncr\rbell\u{7}nul\u{0}\u{1f}",
        "form\u{0C}feed back\u{08}space", "Dandong 丹东 Даньдун", "emoji 🇨🇳 and e\u{301} combining",
        "line sep \u{2028} para sep \u{2029} del \u{7f}", "<html> & 'apos'",
    ]

    static func events() -> [TimelineEvent] {
        var events = plainEvents()
        // Other reports of a happening, as merged query results carry them.
        events[1].mentions = [Mention(events[2]), Mention(events[3])]
        return events
    }

    static func plainEvents() -> [TimelineEvent] {
        awkward.enumerated().map { i, text in
            TimelineEvent(
                id: "id-\(i)-\(text)",
                type: EventType.allCases[i % EventType.allCases.count],
                date: TimexValue(["2024-04-17", "2024-04", "2024", "2023-SU", "2019-W47", "201", "20"][i % 7])!,
                evidence: text,
                source: SourceReference(path: "/drop/\(text).txt", title: i % 3 == 0 ? nil : text, document: "ab\(i)"),
                places: i % 2 == 0 ? [] : [text, "Harbin"],
                organizations: i % 4 == 0 ? [text] : []
            )
        }
    }

    @Test func queryResultsMatchJSONEncoder() throws {
        let encoder = RPCResponseEncoder.makeEncoder()
        for cursor in [nil, "c1.19830.0.id-\"x\""] {
            let result = QueryResult(events: Self.events(), nextCursor: cursor)
            var written: [UInt8] = []
            result.writeJSON(to: &written)
            #expect(
                String(decoding: written, as: UTF8.self) == String(decoding: try encoder.encode(result), as: UTF8.self)
            )
        }
        for e in Self.events() {
            var written: [UInt8] = []
            e.writeJSON(to: &written)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: try encoder.encode(e), as: UTF8.self))
        }
    }

    /// Strings are scanned eight bytes at a time: a character to escape at every offset of a word.
    @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "\u{7f}", "é", "丹"])
    func escapesAtEveryOffsetMatchJSONEncoder(special: String) throws {
        let encoder = RPCResponseEncoder.makeEncoder()
        for at in 0..<24 {
            let text = String(repeating: "a", count: at) + special + String(repeating: "B", count: 23 - at) + special
            let e = TimelineEvent(
                id: text,
                type: .meeting,
                date: TimexValue("2024-04-17")!,
                evidence: text + text,
                source: SourceReference(path: "/drop/x.txt", title: nil, document: "ab")
            )
            var written: [UInt8] = []
            e.writeJSON(to: &written)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: try encoder.encode(e), as: UTF8.self))
        }
    }

    @Test(arguments: [RPCID.number(-42), .string("a\"b/\u{1}"), .null])
    func responsesMatchTheGenericPath(id: RPCID) throws {
        let result = QueryResult(events: Self.events(), nextCursor: "c1.1.2.x")
        let fast = try RPCResponseEncoder.success(id: id, result: result)
        // The generic path, through a wrapper the fast path does not know.
        struct Wrapped: Encodable {
            let inner: QueryResult
            func encode(to encoder: any Encoder) throws { try inner.encode(to: encoder) }
        }
        let generic = try RPCResponseEncoder.success(id: id, result: Wrapped(inner: result))
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: generic, as: UTF8.self))
    }
}
