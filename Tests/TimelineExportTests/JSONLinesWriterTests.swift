import Foundation
import Testing
import TimelineCore

@testable import TimelineExport

@Suite struct JSONLinesWriterTests {
    @Test func eventLineHasEveryField() throws {
        let e = Fixtures.event(places: ["Dandong"], organizations: ["Party Committee"])
        let line = try JSONLinesWriter.line(e)
        #expect(!line.contains("\n"))
        let back = try JSONDecoder().decode(TimelineEvent.self, from: Data(line.utf8))
        #expect(back == e)
    }

    @Test func followedLinesCarryTheirSeq() throws {
        let e = Fixtures.event()
        let line = try JSONLinesWriter.line(e, seq: 42)
        #expect(JSONLinesWriter.seq(ofLine: line) == 42)
        #expect(try JSONDecoder().decode(TimelineEvent.self, from: Data(line.utf8)) == e)
        let r = try JSONLinesWriter.retraction(["a-1", "a-2"], document: "abc", seq: 43)
        #expect(r == #"{"document":"abc","retracted":["a-1","a-2"],"seq":43}"#)
        #expect(JSONLinesWriter.seq(ofLine: r) == 43)
        #expect(JSONLinesWriter.seq(ofLine: "{\"seq\":4") == nil)
    }
}
