import Testing
import TimelineCore

@testable import TimelineExport

@Suite struct TerminalTimelineTests {
    let e = Fixtures.event(
        id: "b398dd44d05fb1dd-3",
        type: .meeting,
        evidence:
            "One way of doing so is to assess a readout of a meeting of the Dandong City Party Committee on April 17, which set out the plans for the year. It was published in the city's newspaper the next morning.",
        path: "/srv/drop/000_b398dd44d05fb1dd.txt",
        places: ["Dandong"]
    )

    @Test(arguments: [44, 60, 80, 100, 132, 200])
    func fitsTheWidth(width: Int) {
        let line = TerminalTimeline(width: width, color: false).line(e)
        #expect(TerminalTimeline.columns(line) <= width)
        #expect(line.hasPrefix("2024-04-17  meeting       "))
        if width >= 80 {
            #expect(line.hasPrefix("2024-04-17  meeting       [Dandong] One way"))
            #expect(line.contains("— 000_b398"))
        }
    }

    @Test func plainWhenNotATerminal() {
        let line = TerminalTimeline(width: nil, color: false).line(e)
        #expect(!line.contains("\u{1B}"))
        #expect(line.contains("— 000_b398dd44d05fb1dd.txt  (b398dd44d05fb1dd-3)"))
        #expect(line.contains("…"))
    }

    @Test func colourOnlyWhenAsked() {
        let line = TerminalTimeline(width: 120, color: true).line(e)
        #expect(line.contains("\u{1B}[34mmeeting"))
        let stripped = line.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == TerminalTimeline(width: 120, color: false).line(e))
    }

    @Test func datesAlign() {
        let t = TerminalTimeline(width: 100, color: false)
        let offsets = ["2024-04-17", "2024-Q2", "2024", "2019-W47"].map { date -> Int in
            let line = t.line(Fixtures.event(date: date))
            return line.distance(from: line.startIndex, to: line.firstRange(of: "deadline")!.lowerBound)
        }
        #expect(Set(offsets) == [12])
    }

    @Test func wideCharactersCountTwice() {
        #expect(TerminalTimeline.columns("中文ab") == 6)
        let clipped = TerminalTimeline.clip("中文中文中文", 7)
        #expect(TerminalTimeline.columns(clipped) <= 7)
        #expect(clipped.hasSuffix("…"))
    }

    @Test func evidenceOnOneLine() {
        let multi = Fixtures.event(evidence: "first line\nsecond\tline")
        #expect(TerminalTimeline(width: nil, color: false).line(multi).contains("first line second line"))
    }
}
