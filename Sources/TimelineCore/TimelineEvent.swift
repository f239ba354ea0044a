/// One dated happening on the timeline, with where it came from.
public struct TimelineEvent: Codable, Hashable, Sendable {
    /// Stable: derived from the document's content hash and the event's place in it.
    public var id: String
    public var type: EventType
    public var date: TimexValue
    /// First day of the interval `date` covers.
    public var start: CivilDate
    /// Last day (inclusive) of the interval `date` covers.
    public var end: CivilDate
    /// The sentence that states the event.
    public var evidence: String
    public var source: SourceReference
    public var places: [String]
    public var organizations: [String]
    /// Other documents' reports of the same happening (`HappeningMerge`): set in query results
    /// only, never stored.
    public var mentions: [Mention]?

    public init(
        id: String,
        type: EventType,
        date: TimexValue,
        evidence: String,
        source: SourceReference,
        places: [String] = [],
        organizations: [String] = []
    ) {
        self.id = id
        self.type = type
        self.date = date
        let interval = date.interval
        self.start = interval.start
        self.end = interval.end
        self.evidence = evidence
        self.source = source
        self.places = places
        self.organizations = organizations
    }

    public var interval: DayInterval { DayInterval(start: start, end: end) }
}

/// The document an event was read from.
public struct SourceReference: Codable, Hashable, Sendable {
    /// Path of the file as it was found in the drop folder.
    public var path: String
    public var title: String?
    /// SHA-256 of the file's bytes, hex: the document's identity.
    public var document: String

    public init(path: String, title: String?, document: String) {
        self.path = path
        self.title = title
        self.document = document
    }
}
