import EventExtraction
import Testing
import TimelineCore

@testable import ArticleConversion

/// What the extractor makes of converted files: the same pipeline, fed the metadata the file gave.
@Suite struct ConvertedExtractionTests {
    static let extractor = Extractor(resources: try! ExtractionResources.bundled())
    static let someDay = CivilDate("2026-01-01")!

    func extract(_ name: String) throws -> ExtractionResult {
        let converted = try Fixtures.converter().convert(try Fixtures.bytes(name), fileName: name)
        return Self.extractor.extract(converted.article, dctOverride: nil, modified: Self.someDay)
    }

    @Test func aPageGivesItsDateAndTitleAndNoEventsFromItsFurniture() throws {
        let result = try extract("nav-cookie.html")
        #expect(result.dct == CivilDate("2024-04-19"))
        #expect(result.dctSource == .metadata)
        #expect(result.title == "Dandong hosts trade fair – Border Daily")
        let found = Set(result.events.map { "\($0.type.rawValue) \($0.date)" })
        #expect(found.contains("meeting 2024-04-17"), "\(found)")
        #expect(found.contains("deadline 2024-09-30"), "\(found)")
        // Cookie banner, menu, sidebar, comments, footer and noscript all had dated events.
        let furniture = [
            "2018-05-25", "2024-01-04", "2024-03-03", "2024-04-02", "2020-01-01", "2024-06-06", "2024-05-05",
        ]
        #expect(result.events.allSatisfy { !furniture.contains($0.date.description) }, "\(found)")
        // Evidence is text of the converted article.
        #expect(result.events.allSatisfy { !$0.evidence.contains("<") })
    }

    @Test func aPaperGivesNoEventsFromItsReferences() throws {
        let result = try extract("two-column.pdf")
        let years = Set(result.events.map { $0.date.description.prefix(4) })
        #expect(years == ["2022", "2023", "2024"], "\(result.events.map(\.date.description))")
        #expect(result.title == "Harbin and the Russian Far East: a note on cooperation")
    }

    /// The converter's mark alone ends the body: no heading the extractor would know is needed.
    @Test func bodyEndExcludesWhatFollows() {
        let text = "Forum news\nThe governor visited Harbin on 3 May 2024.\nThe mayor visited Heihe on 4 May 2024.\n"
        let cut = text.unicodeScalars.count - "The mayor visited Heihe on 4 May 2024.\n".unicodeScalars.count
        let whole = Self.extractor.extract(
            ArticleText(text: text, format: .plain),
            dctOverride: nil,
            modified: Self.someDay
        )
        let marked = Self.extractor.extract(
            ArticleText(text: text, format: .plain, bodyEnd: cut),
            dctOverride: nil,
            modified: Self.someDay
        )
        #expect(whole.events.map(\.date.description) == ["2024-05-03", "2024-05-04"])
        #expect(marked.events.map(\.date.description) == ["2024-05-03"])
    }
}
