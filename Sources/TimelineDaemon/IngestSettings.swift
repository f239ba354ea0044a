import EventExtraction
import Synchronization

/// What ingestion reads per file and a reload may replace: the extractor
/// (its rules) and the size limit. A file in hand keeps the values it started with.
final class IngestSettings: Sendable {
    struct Values: Sendable {
        var extractor: Extractor
        var maxFileBytes: Int
    }

    private let values: Mutex<Values>

    init(extractor: Extractor, maxFileBytes: Int) {
        values = Mutex(Values(extractor: extractor, maxFileBytes: maxFileBytes))
    }

    var current: Values { values.withLock { $0 } }

    func replace(with new: Values) { values.withLock { $0 = new } }
}
