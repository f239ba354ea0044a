import Testing
import TimelineCore

@testable import EventExtraction

@Suite struct DocumentDateTests {
    static let modified = CivilDate(year: 2024, month: 11, day: 2)!

    static func detect(_ text: String, format: ArticleFormat = .plain) -> ExtractionResult {
        TestSupport.extractor.extract(ArticleText(text: text, format: format), dctOverride: nil, modified: modified)
    }

    @Test(arguments: [
        (
            "Ferry Traffic Grows\n\nBy | October 9, 2021 | 4 Replies\n\nThe pier was busy on Friday.", "2021-10-09",
            DCTSource.byline
        ),
        ("Border ports\nWANG LEI | 2021-09-14 | Views: 12\nText.", "2021-09-14", .byline),
        ("Rail link news\nPublished: 12 March 2023\nThe line opened.", "2023-03-12", .byline),
        ("Posted on 4 January 2022 by admin\nBody.", "2022-01-04", .byline),
        ("Sinuiju, October 23 (KCNA) -- A delegation arrived.", "2024-10-23", .dateline),
        ("Rason, December 5 (KCNA) -- Work began.", "2023-12-05", .dateline),
        ("VLADIVOSTOK, March 3, 2022 — The forum opened.", "2022-03-03", .dateline),
        (
            "A headline here\n\nNo date appears near the top. On 8 August 2016 the council met.", "2024-11-02",
            .modificationTime
        ),
    ])
    func detection(_ text: String, _ date: String, _ source: DCTSource) {
        let r = Self.detect(text)
        #expect(r.dct.description == date)
        #expect(r.dctSource == source)
    }

    /// Of a long first line only the head is read for a dateline; a line just longer than a
    /// byline, ending the text, must not be read past its end.
    @Test(arguments: [170, 199, 200, 201, 260])
    func longLinesAtTheEnd(_ length: Int) {
        let head = "Heihe, May 3 (Xinhua) -- The bridge opened to trucks"
        let text = head + String(repeating: " and buses", count: (length - head.count) / 10 + 1)
        let r = Self.detect(String(text.prefix(length)))
        #expect(r.dctSource == .dateline)
        #expect(r.dct.description == "2024-05-03")
    }

    @Test func frontMatterWinsAndGivesTitle() {
        let text =
            "---\ntitle: \"Port of Zarubino\"\ndate: 2020-07-01\n---\n# Ignored heading\n\nBy | May 5, 2021 | x\n"
        let r = Self.detect(text, format: .markdown)
        #expect(r.dct.description == "2020-07-01")
        #expect(r.dctSource == .frontMatter)
        #expect(r.title == "Port of Zarubino")
    }

    @Test func overrideWins() {
        let d = CivilDate(year: 2019, month: 1, day: 1)!
        let r = TestSupport.extractor.extract(
            ArticleText(text: "By | May 5, 2021 | x\nText.", format: .plain),
            dctOverride: d,
            modified: Self.modified
        )
        #expect(r.dct == d)
        #expect(r.dctSource == .override)
    }

    @Test func titleIsFirstHeadlineLine() {
        let r = Self.detect("News\n\nJilin Opens a New Border Crossing\n\nThe crossing opened in May 2023.")
        #expect(r.title == "Jilin Opens a New Border Crossing")
    }

    /// Markdown markup becomes spaces: offsets stay those of the file.
    @Test func markdownKeepsOffsets() {
        let text = "## Rail news\n\nThe **Heilongjiang** link [opened](https://example.org/a) on *2 May 2023*.\n"
        let r = Self.detect(text, format: .markdown)
        let t = r.timexes.first { $0.value == "2023-05-02" }
        #expect(t != nil)
        if let t {
            let scalars = Array(text.unicodeScalars)
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[t.start..<t.end])
            #expect(s == "2 May 2023")
        }
        #expect(r.events.first?.evidence == "The Heilongjiang link opened on 2 May 2023 .")
        #expect(r.events.first?.places == ["Heilongjiang"])
    }
}
