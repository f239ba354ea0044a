/// A timeline query: which events, and which page of them.
///
/// Every filter that is set must match (AND). Results are ordered by
/// `EventOrder`; `after` continues a previous page.
public struct TimelineQuery: Sendable, Hashable {
    /// Events whose interval ends before this day are excluded.
    public var from: CivilDate?
    /// Events whose interval starts after this day are excluded.
    public var to: CivilDate?
    /// Empty means every type.
    public var types: Set<EventType>
    /// Every word must occur in the evidence, case-insensitively.
    public var text: String?
    /// A place the event names, case-insensitively (`Dandong`).
    public var place: String?
    /// Part of an organisation's name the event names, case-insensitively (`Party Committee`).
    public var organization: String?
    /// A substring of the source path or title, or a document hash prefix.
    public var source: String?
    public var limit: Int
    /// Only events strictly after this position.
    public var after: EventOrder?

    public static let defaultLimit = 100
    public static let maximumLimit = 10_000

    public init(
        from: CivilDate? = nil,
        to: CivilDate? = nil,
        types: Set<EventType> = [],
        text: String? = nil,
        place: String? = nil,
        organization: String? = nil,
        source: String? = nil,
        limit: Int = TimelineQuery.defaultLimit,
        after: EventOrder? = nil
    ) {
        self.from = from
        self.to = to
        self.types = types
        self.text = text
        self.place = place
        self.organization = organization
        self.source = source
        self.limit = limit
        self.after = after
    }
}

/// The stable order of events: interval start, then precision (more precise
/// first), then id. Positions in it are what cursors hold, so a cursor stays
/// valid while new events arrive.
public struct EventOrder: Hashable, Comparable, Sendable {
    public var startDay: Int
    public var precision: Int
    public var id: String

    public init(startDay: Int, precision: Int, id: String) {
        self.startDay = startDay
        self.precision = precision
        self.id = id
    }

    public init(_ event: TimelineEvent) {
        self.init(startDay: event.start.dayNumber, precision: event.date.precision, id: event.id)
    }

    public static func < (a: EventOrder, b: EventOrder) -> Bool {
        (a.startDay, a.precision, a.id) < (b.startDay, b.precision, b.id)
    }

    /// An opaque text form for clients: `c1.<day>.<precision>.<id>`.
    public var cursor: String { "c1.\(startDay).\(precision).\(id)" }

    /// Parses `cursor`; `nil` for anything that is not one.
    public init?(cursor: String) {
        let parts = cursor.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "c1", let day = Int(parts[1]), let precision = Int(parts[2]),
            !parts[3].isEmpty
        else { return nil }
        self.init(startDay: day, precision: precision, id: String(parts[3]))
    }
}

extension TimelineQuery {
    /// Tests events against the query's filters (not its page position).
    ///
    /// Lower-cases the query once; queries and live subscriptions share it.
    public struct Matcher: Sendable {
        let from: CivilDate?
        let to: CivilDate?
        let types: Set<EventType>
        let words: [String]
        /// `words` as lower-case UTF-8, when every one is ASCII: matched without allocating.
        let asciiWords: [[UInt8]]?
        let place: String?
        let placeIsASCII: Bool
        let organization: String?
        let source: String?
        /// `from` and `to` as day numbers, for `matches(startDay:…)`.
        let fromDay: Int?
        let toDay: Int?

        public init(_ q: TimelineQuery) {
            from = q.from
            to = q.to
            fromDay = q.from?.dayNumber
            toDay = q.to?.dayNumber
            types = q.types
            words = q.text.map { $0.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
            asciiWords = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? words.map { Array($0.utf8) } : nil
            place = q.place?.lowercased()
            placeIsASCII = place?.utf8.allSatisfy { $0 < 0x80 } ?? true
            organization = q.organization?.lowercased()
            source = q.source?.lowercased()
        }

        /// Whether `matches(startDay:…)` reads the places, organisations or source: an index
        /// can leave them out (pass empty ones) when it does not, and copy nothing.
        public var readsNames: Bool { place != nil || organization != nil || source != nil }

        /// Whether `matches(startDay:…)` reads the source: an index that keeps sources packed
        /// makes one only then.
        public var readsSource: Bool { source != nil }

        /// True when the event starts after `to`: in start order, nothing after it can match.
        public func startsTooLate(_ e: TimelineEvent) -> Bool { to.map { e.start > $0 } ?? false }

        /// `startsTooLate` for an event starting on this day number.
        public func startsTooLate(startDay: Int) -> Bool { toDay.map { startDay > $0 } ?? false }

        public func matches(_ e: TimelineEvent) -> Bool {
            var evidence = e.evidence
            return evidence.withUTF8 { bytes in
                matches(
                    startDay: e.start.dayNumber,
                    endDay: e.end.dayNumber,
                    type: e.type,
                    places: e.places,
                    organizations: e.organizations,
                    source: e.source,
                    evidence: bytes
                )
            }
        }

        /// `matches` on an event's parts, its evidence as UTF-8: what an index that stores
        /// events as columns checks without making the event.
        public func matches(
            startDay: Int,
            endDay: Int,
            type: EventType,
            places: [String],
            organizations: [String],
            source eventSource: SourceReference,
            evidence: UnsafeBufferPointer<UInt8>
        ) -> Bool {
            if let fromDay, endDay < fromDay { return false }
            if let toDay, startDay > toDay { return false }
            if !types.isEmpty && !types.contains(type) { return false }
            if let place, !places.contains(where: { Self.equalFoldingASCII($0, place, bIsASCII: placeIsASCII) }) {
                return false
            }
            if let organization, !organizations.contains(where: { $0.lowercased().contains(organization) }) {
                return false
            }
            if let source {
                let hit =
                    eventSource.path.lowercased().contains(source)
                    || (eventSource.title?.lowercased().contains(source) ?? false)
                    || eventSource.document.hasPrefix(source)
                if !hit { return false }
            }
            if !words.isEmpty {
                if let asciiWords {
                    for w in asciiWords where !Self.contains(evidence, foldingASCII: w) { return false }
                } else {
                    let evidence = String(decoding: evidence, as: UTF8.self).lowercased()
                    for w in words where !evidence.contains(w) { return false }
                }
            }
            return true
        }

        /// Whether `text` contains `needle` (lower-case ASCII bytes), ignoring ASCII case.
        static func contains(_ text: String, foldingASCII needle: [UInt8]) -> Bool {
            var text = text
            return text.withUTF8 { contains($0, foldingASCII: needle) }
        }

        /// Whether the UTF-8 bytes `hay` contain `needle` (lower-case ASCII bytes), ignoring ASCII case.
        static func contains(_ hay: UnsafeBufferPointer<UInt8>, foldingASCII needle: [UInt8]) -> Bool {
            guard let first = needle.first else { return true }
            guard hay.count >= needle.count else { return false }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if fold(hay[i]) == first {
                    var k = 1
                    while k < needle.count && fold(hay[i + k]) == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }

        /// Equal ignoring case; `b` is already lower case. ASCII `b` is compared byte by byte.
        static func equalFoldingASCII(_ a: String, _ b: String, bIsASCII: Bool) -> Bool {
            guard bIsASCII else { return a.lowercased() == b }
            return a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { fold($0) == $1 }
        }

        @inline(__always) static func fold(_ c: UInt8) -> UInt8 { c &- 65 < 26 ? c | 0x20 : c }
    }
}
