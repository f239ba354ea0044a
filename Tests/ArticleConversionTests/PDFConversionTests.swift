import Foundation
import Testing

@testable import ArticleConversion

@Suite struct PDFConversionTests {
    @Test func twoColumnsInReadingOrderWithoutFurniture() throws {
        let converted = try Fixtures.converter().convert(
            try Fixtures.bytes("two-column.pdf"),
            fileName: "two-column.pdf"
        )
        let text = converted.article.text
        #expect(converted.format == .pdf)
        let order = [
            "Harbin and the Russian Far East: a note on cooperation",
            "The Heilongjiang provincial government approved the border trade plan on 27 January 2022,",
            "A delegation from Khabarovsk visited Harbin on 14 March 2023",
            "The two sides signed an agreement on 5 July 2023 on grain corridors through the Amur ports.",
            "Officials announced on 2 August 2023 that the corridor would open to private traders.",
            "The next round of talks will be held in Harbin in the spring of 2024.",
            "References",
            "Li, W. (2019).",
        ]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(text)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(text)")
        // Running header and page numbers are gone; no word is left broken at a line end.
        #expect(!text.contains("Border Studies Quarterly"))
        #expect(!text.split(separator: "\n").contains { $0.allSatisfy(\.isNumber) })
        #expect(text.range(of: #"[a-z]- [a-z]"#, options: .regularExpression) == nil, "\(text)")
        // The reference section is marked: the extractor reads nothing from there on.
        let bodyEnd = try #require(converted.article.bodyEnd)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[bodyEnd..<(bodyEnd + 10)])) == "References")
    }

    @Test func aScanIsSetAsideAsHavingNoTextLayer() throws {
        let error = #expect(throws: ConversionError.self) {
            try Fixtures.converter().convert(try Fixtures.bytes("scanned.pdf"), fileName: "scanned.pdf")
        }
        #expect(error?.code == .noTextLayer)
        #expect(error?.description == "scanned.pdf: no text layer (scanned?)")
    }

    @Test func notAPDFIsSetAsideWithTheReason() throws {
        let error = #expect(throws: ConversionError.self) {
            try Fixtures.converter().convert(Array("just text, not a PDF".utf8), fileName: "fake.pdf")
        }
        #expect(error?.code == .badPDF)
        #expect(error?.message.contains("not a readable PDF") == true, "\(String(describing: error))")
    }

    /// A hung pdftotext is killed at the deadline; one that writes without end at the cap.
    @Test(.timeLimit(.minutes(1)), arguments: [("exec sleep 30", "longer than"), ("exec yes", "more than")])
    func aHungOrFloodingPDFToTextCannotHangTheCaller(_ script: String, _ reason: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("pdftotext")
        try "#!/bin/sh\n\(script)\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let converter = try ArticleConverter(pdftotext: fake.path, pdfTimeoutSeconds: 1, pdfMaxOutputBytes: 1 << 20)
        let started = Date()
        let error = #expect(throws: ConversionError.self) {
            try converter.convert(Array("%PDF-1.4\n".utf8), fileName: "slow.pdf")
        }
        #expect(error?.code == .badPDF)
        #expect(error?.message.contains(reason) == true, "\(String(describing: error))")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func missingPDFToTextIsAClearError() throws {
        let converter = try ArticleConverter(pdftotext: "/nonexistent/pdftotext")
        let error = #expect(throws: ConversionError.self) {
            try converter.convert(try Fixtures.bytes("two-column.pdf"), fileName: "two-column.pdf")
        }
        #expect(error?.message.contains("poppler-utils") == true)
    }

    /// The dev articles as typeset PDFs: nearly every line of the article comes back, in order of
    /// words (lines hard-wrapped in the text file may come back as one paragraph).
    @Test(.enabled(if: Fixtures.devDocsPresent, "needs ../shared/eval/dev/docs"), arguments: Fixtures.devStems)
    func devPDFReadsAsTheArticle(_ stem: String) throws {
        let converted = try Fixtures.converter().convert(try Fixtures.bytes("dev/\(stem).pdf"), fileName: "\(stem).pdf")
        let plain = try String(contentsOf: Fixtures.devDocs.appendingPathComponent("\(stem).txt"), encoding: .utf8)
        let lines = plain.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let text = HTMLConverter.collapsed(converted.article.text)
        let found = lines.filter { text.contains(HTMLConverter.collapsed($0)) }.count
        // 003's text file has lines hard-wrapped at a hyphen (`Ji-`), which the PDF joins again: 86 % there.
        #expect(Double(found) >= Double(lines.count) * 0.85, "\(found) of \(lines.count) lines")
        #expect(!converted.article.text.contains("Northeast Asia Review ·"))
    }
}

@Suite struct PDFTextCleanerTests {
    let cleaner = PDFTextCleaner(rules: try! ConversionRules.bundled())

    @Test func runningLinesPageNumbersAndHyphens() {
        let pages = [
            [
                "Journal of Border Studies 12", "", "The agreement was signed in Harbin after a long negoti-",
                "ation between the two provincial govern-", "ments.", "", "Page 1",
            ],
            [
                "Journal of Border Studies 12", "", "A China-", "Russia bridge opened on 10 June 2022 at Heihe",
                "and the",
                "", "Page 2",
            ],
            ["Journal of Border Studies 12", "", "trade grew.", "", "- 3 -"],
        ]
        let result = cleaner.clean(pages)
        #expect(
            result.text
                == "The agreement was signed in Harbin after a long negotiation between the two provincial governments.\nA China-Russia bridge opened on 10 June 2022 at Heihe and the trade grew.\n",
            "\(result.text)"
        )
        #expect(result.bodyEnd == nil)
    }

    @Test func pageNumbers() {
        for yes in ["12", " 12 ", "- 3 -", "Page 4", "4 / 20", "Page 4 of 20", "xiv"] {
            #expect(PDFTextCleaner.isPageNumber(yes), "\(yes)")
        }
        for no in ["12 May", "2024 was a year", "In", "Page", ""] {
            #expect(!PDFTextCleaner.isPageNumber(no), "\(no)")
        }
    }
}
