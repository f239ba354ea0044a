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

    /// An opaque text form for clients: `c1.<day>.<precision>.<id>` in hex-safe characters.
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
        let place: String?
        let organization: String?
        let source: String?

        public init(_ q: TimelineQuery) {
            from = q.from
            to = q.to
            types = q.types
            words = q.text.map { $0.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
            place = q.place?.lowercased()
            organization = q.organization?.lowercased()
            source = q.source?.lowercased()
        }

        /// True when the event starts after `to`: in start order, nothing after it can match.
        public func startsTooLate(_ e: TimelineEvent) -> Bool { to.map { e.start > $0 } ?? false }

        public func matches(_ e: TimelineEvent) -> Bool {
            if let from, e.end < from { return false }
            if let to, e.start > to { return false }
            if !types.isEmpty && !types.contains(e.type) { return false }
            if let place, !e.places.contains(where: { $0.lowercased() == place }) { return false }
            if let organization, !e.organizations.contains(where: { $0.lowercased().contains(organization) }) {
                return false
            }
            if let source {
                let hit =
                    e.source.path.lowercased().contains(source)
                    || (e.source.title?.lowercased().contains(source) ?? false)
                    || e.source.document.hasPrefix(source)
                if !hit { return false }
            }
            if !words.isEmpty {
                let evidence = e.evidence.lowercased()
                for w in words where !evidence.contains(w) { return false }
            }
            return true
        }
    }
}
