import Foundation
import Testing
import TimelineCore

@testable import TimelineExport

@Suite struct ICalendarWriterTests {
    @Test(arguments: [
        ("a;b,c\\d", "a\\;b\\,c\\\\d"),
        ("line\nnext", "line\\nnext"),
        ("crlf\r\nnext", "crlf\\nnext"),
        ("tab\tbell\u{7}", "tab bell "),
    ])
    func escaping(text: String, expected: String) {
        #expect(ICalendarWriter.escape(text) == expected)
    }

    @Test func foldsAt75OctetsWithoutSplittingUTF8() {
        let line =
            "SUMMARY:" + String(repeating: "期限", count: 60) + String(repeating: "🎉é", count: 20)
            + String(repeating: "x", count: 50)
        let folded = ICalendarWriter.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        let physical = folded.dropLast().components(separatedBy: "\r\n")  // "\r\n" is one Character
        #expect(physical.count > 1)
        for (i, p) in physical.enumerated() {
            #expect(p.utf8.count <= 75)
            if i > 0 { #expect(p.hasPrefix(" ")) }
            // Each physical line is valid UTF-8 on its own.
            #expect(String(validating: Array(p.utf8), as: UTF8.self) != nil)
        }
        // Unfolding gives the line back.
        #expect(
            physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line
        )
    }

    @Test func shortLineIsNotFolded() {
        #expect(ICalendarWriter.fold("BEGIN:VEVENT") == "BEGIN:VEVENT\r\n")
    }

    @Test(arguments: [
        ("2024-04-17", "20240417", "20240418"),
        ("2024-02", "20240201", "20240301"),
        ("2024", "20240101", "20250101"),
        ("2024-Q4", "20241001", "20250101"),
    ])
    func allDayIntervalWithExclusiveEnd(date: String, start: String, end: String) {
        let writer = ICalendarWriter(stamp: Date(timeIntervalSince1970: 1_700_000_000))
        let v = writer.vevent(Fixtures.event(date: date))
        #expect(v.contains("DTSTART;VALUE=DATE:\(start)\r\n"))
        #expect(v.contains("DTEND;VALUE=DATE:\(end)\r\n"))
        #expect(v.contains("DTSTAMP:20231114T221320Z\r\n"))
        #expect(v.contains("UID:abc123-1@timelined.local\r\n"))
    }

    @Test func summaryNamesTypeAndEvidence() {
        let e = Fixtures.event(evidence: "Bids are due by April 17, the ministry said.")
        #expect(ICalendarWriter.summary(e) == "Deadline: Bids are due by April 17, the ministry said.")
        let long = Fixtures.event(evidence: String(repeating: "word ", count: 40))
        #expect(ICalendarWriter.summary(long).count == "Deadline: ".count + 80)
    }

    @Test func calendarIsWrapped() {
        let cal = ICalendarWriter(stamp: Date()).calendar([Fixtures.event(), Fixtures.event(id: "x-2")])
        #expect(cal.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(cal.hasSuffix("END:VCALENDAR\r\n"))
        #expect(cal.components(separatedBy: "BEGIN:VEVENT").count == 3)
        #expect(!cal.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
