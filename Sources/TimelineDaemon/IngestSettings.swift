import ArticleConversion
import EventExtraction
import Synchronization

/// What ingestion reads per file and a reload may replace: the converter (its
/// fallback encodings), the extractor (its rules) and the size limit. A file in hand keeps the values it started with.
final class IngestSettings: Sendable {
    struct Values: Sendable {
        var converter: ArticleConverter
        var extractor: Extractor
        var maxFileBytes: Int
    }

    private let values: Mutex<Values>

    init(converter: ArticleConverter, extractor: Extractor, maxFileBytes: Int) {
        values = Mutex(Values(converter: converter, extractor: extractor, maxFileBytes: maxFileBytes))
    }

    var current: Values { values.withLock { $0 } }

    func replace(with new: Values) { values.withLock { $0 = new } }
}
