import Foundation
import TimelineCore

@testable import EventExtraction

enum TestSupport {
    /// Loaded once per test process; loading is pure, so sharing the value is safe.
    static let resources: ExtractionResources = try! ExtractionResources.bundled()
    static let extractor = Extractor(resources: resources)
    static let tagger = TemporalTagger(lexicon: resources.dates)

    static func tokens(_ s: String) -> [Token] {
        let scalars = Array(s.unicodeScalars)
        return Tokenizer.tokenize(scalars, 0..<scalars.count)
    }

    /// Timexes of one plain-text string with the given document date.
    static func timexes(_ s: String, dct: String = "2024-05-26") -> [Timex] {
        let d = CivilDate(dct)!
        return extractor.extract(ArticleText(text: s, format: .plain), dctOverride: d, modified: d).timexes
    }

    static func events(_ s: String, dct: String = "2024-05-26") -> [ExtractedEvent] {
        let d = CivilDate(dct)!
        return extractor.extract(ArticleText(text: s, format: .plain), dctOverride: d, modified: d).events
    }
}
