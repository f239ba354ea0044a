import TimelineCore

/// Where the document creation time (DCT) came from.
public enum DCTSource: String, Sendable {
    case override
    case frontMatter = "front-matter"
    /// The file's own metadata: HTML meta tags, `<time datetime>` or JSON-LD.
    case metadata
    case byline, dateline
    case modificationTime = "mtime"
}

/// Everything extracted from one article.
public struct ExtractionResult: Sendable {
    public let title: String?
    /// The document creation time relative dates were resolved against.
    public let dct: CivilDate
    public let dctSource: DCTSource
    /// Every temporal expression, in text order.
    public let timexes: [Timex]
    /// Dated events, in text order.
    public let events: [ExtractedEvent]

    public init(title: String?, dct: CivilDate, dctSource: DCTSource, timexes: [Timex], events: [ExtractedEvent]) {
        self.title = title
        self.dct = dct
        self.dctSource = dctSource
        self.timexes = timexes
        self.events = events
    }
}
