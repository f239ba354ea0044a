import TimelineCore

/// The methods the daemon answers.
public enum Methods {
    public static let query = "query"
    public static let event = "event"
    public static let sources = "sources"
    public static let stats = "stats"
    public static let health = "health"
    public static let subscribe = "subscribe"
    public static let unsubscribe = "unsubscribe"
    public static let changes = "changes"

    public static let all = [query, event, sources, stats, health, subscribe, unsubscribe, changes]

    /// Notifications the server sends on a connection with a subscription.
    public enum Notification {
        /// params: `{"subscription": N, "event": {…}}`: a new event matching the subscription.
        public static let event = "event"
        /// params: `{"subscription": N, "ids": […]}`: events withdrawn because their article changed.
        public static let retracted = "retracted"
        /// params: `{"subscription": N, "reason": "…"}`: no more notifications will come for it.
        public static let ended = "subscription_ended"
    }
}

/// `query` params. Dates are TIMEX3 calendar values at any granularity
/// (`2024`, `2024-04`, `2024-04-17`, `2024-Q2`…): `from` takes the first day
/// of its value, `to` the last.
public struct QueryParams: RPCParams, Hashable {
    public var from: String?
    public var to: String?
    public var types: [String]?
    public var text: String?
    public var place: String?
    public var organization: String?
    public var source: String?
    public var limit: Int?
    public var cursor: String?
    /// `false`: every report as logged, instead of one result per happening with its `mentions`.
    public var merge: Bool?

    public static let names: Set<String> = [
        "from", "to", "types", "text", "place", "organization", "source", "limit", "cursor", "merge",
    ]

    public init(
        from: String? = nil,
        to: String? = nil,
        types: [String]? = nil,
        text: String? = nil,
        place: String? = nil,
        organization: String? = nil,
        source: String? = nil,
        limit: Int? = nil,
        cursor: String? = nil,
        merge: Bool? = nil
    ) {
        self.merge = merge
        self.from = from
        self.to = to
        self.types = types
        self.text = text
        self.place = place
        self.organization = organization
        self.source = source
        self.limit = limit
        self.cursor = cursor
    }

    public init?(commonParams object: [String: JSONValue]) {
        func string(_ key: String) -> String?? {
            switch object[key] {
            case nil, .null?: return .some(nil)
            case .string(let s)?: return .some(s)
            default: return nil
            }
        }
        guard let from = string("from"), let to = string("to"), let text = string("text"),
            let place = string("place"), let organization = string("organization"), let source = string("source"),
            let cursor = string("cursor")
        else { return nil }
        var types: [String]?
        switch object["types"] {
        case nil, .null?: types = nil
        case .array(let list)?:
            var names: [String] = []
            for item in list {
                guard case .string(let s) = item else { return nil }
                names.append(s)
            }
            types = names
        default: return nil
        }
        var limit: Int?
        switch object["limit"] {
        case nil, .null?: limit = nil
        case .int(let n)?: limit = Int(n)
        default: return nil
        }
        var merge: Bool?
        switch object["merge"] {
        case nil, .null?: merge = nil
        case .bool(let b)?: merge = b
        default: return nil
        }
        self.init(
            from: from,
            to: to,
            types: types,
            text: text,
            place: place,
            organization: organization,
            source: source,
            limit: limit,
            cursor: cursor,
            merge: merge
        )
    }

    /// Validates the params into a query.
    ///
    /// - Throws: `RPCError.invalidParams` naming the parameter and what it should be.
    public func query() throws(RPCError) -> TimelineQuery {
        func date(_ name: String, _ text: String?) throws(RPCError) -> TimexValue? {
            guard let text else { return nil }
            guard let value = TimexValue(text) else {
                throw .invalidParams(
                    "\(name): '\(text)' is not a date; use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn, YYYY-SU or YYYY-Wnn"
                )
            }
            return value
        }
        var q = TimelineQuery()
        q.from = try date("from", from)?.interval.start
        q.to = try date("to", to)?.interval.end
        if let f = q.from, let t = q.to, f > t {
            throw .invalidParams("from (\(from!)) is after to (\(to!))")
        }
        for name in types ?? [] {
            guard let type = EventType(rawValue: name.lowercased()) else {
                let known = EventType.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidParams("types: unknown event type '\(name)'; types: \(known)")
            }
            q.types.insert(type)
        }
        q.text = text.flatMap { $0.isEmpty ? nil : $0 }
        q.place = place.flatMap { $0.isEmpty ? nil : $0 }
        q.organization = organization.flatMap { $0.isEmpty ? nil : $0 }
        q.source = source.flatMap { $0.isEmpty ? nil : $0 }
        if let limit {
            guard (1...TimelineQuery.maximumLimit).contains(limit) else {
                throw .invalidParams("limit must be between 1 and \(TimelineQuery.maximumLimit), not \(limit)")
            }
            q.limit = limit
        }
        if let cursor {
            guard let after = EventOrder(cursor: cursor) else {
                throw .invalidParams("cursor: '\(cursor)' is not a cursor this server returned")
            }
            q.after = after
        }
        return q
    }
}

/// `subscribe` params: the filters of `query`, without paging; the same keys on the wire.
public struct SubscribeParams: RPCParams, Hashable {
    public var filters: QueryParams

    public static let names = QueryParams.names.subtracting(["limit", "cursor", "merge"])

    /// Takes the filters of `filters`; its paging is dropped.
    public init(_ filters: QueryParams = QueryParams()) {
        var filters = filters
        filters.limit = nil
        filters.cursor = nil
        self.filters = filters
    }

    public init(from decoder: any Decoder) throws { filters = try QueryParams(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try filters.encode(to: encoder) }

    /// Validated like `query`'s filters.
    public func query() throws(RPCError) -> TimelineQuery { try filters.query() }
}

/// `changes` params: the filters of `query`, plus where to start in the log.
///
/// `after` is a log sequence number (0: from the start); the answer holds
/// the matching events and every withdrawal among the next `limit` records
/// after it, in log order.
public struct ChangesParams: RPCParams, Hashable {
    public var filters: QueryParams
    public var after: UInt64
    public var limit: Int

    public static let defaultLimit = 1000
    public static let names = QueryParams.names.subtracting(["limit", "cursor", "merge"]).union(["after", "limit"])

    public init(_ filters: QueryParams = QueryParams(), after: UInt64 = 0, limit: Int = ChangesParams.defaultLimit) {
        self.filters = SubscribeParams(filters).filters
        self.after = after
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey { case after, limit }

    public init(from decoder: any Decoder) throws {
        filters = SubscribeParams(try QueryParams(from: decoder)).filters
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Read as a signed number, so -1 gets a message about positions rather than about JSON.
        let after = try c.decodeIfPresent(Int64.self, forKey: .after) ?? 0
        guard after >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .after,
                in: c,
                debugDescription: "a log position is 0 or more, not \(after)"
            )
        }
        self.after = UInt64(after)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? Self.defaultLimit
    }

    public func encode(to encoder: any Encoder) throws {
        try filters.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(after, forKey: .after)
        try c.encode(limit, forKey: .limit)
    }

    /// Validates the filters like `query`'s, and the limit.
    public func query() throws(RPCError) -> TimelineQuery {
        guard (1...TimelineQuery.maximumLimit).contains(limit) else {
            throw .invalidParams("limit must be between 1 and \(TimelineQuery.maximumLimit), not \(limit)")
        }
        return try filters.query()
    }
}

/// One change in the log: a new event, or the withdrawal of a changed article's events.
public struct Change: Codable, Sendable, Hashable {
    public var seq: UInt64
    public var event: TimelineEvent?
    /// Ids withdrawn; with `document`, the article version they came from.
    public var retracted: [String]?
    public var document: String?

    public init(seq: UInt64, event: TimelineEvent) {
        self.seq = seq
        self.event = event
    }

    public init(seq: UInt64, retracted: [String], document: String) {
        self.seq = seq
        self.retracted = retracted
        self.document = document
    }
}

public struct ChangesResult: Codable, Sendable, Hashable {
    public var changes: [Change]
    /// The last log position read: the next call's `after`.
    public var next: UInt64
    /// The last position in the log now; `next == last_seq` means caught up.
    public var lastSeq: UInt64

    public init(changes: [Change], next: UInt64, lastSeq: UInt64) {
        self.changes = changes
        self.next = next
        self.lastSeq = lastSeq
    }

    enum CodingKeys: String, CodingKey {
        case changes, next
        case lastSeq = "last_seq"
    }
}

public struct SubscribeResult: Codable, Sendable, Hashable {
    public var subscription: Int
    public init(subscription: Int) { self.subscription = subscription }
}

public struct UnsubscribeParams: RPCParams, Hashable {
    public var subscription: Int
    public static let names: Set<String> = ["subscription"]
    public init(subscription: Int) { self.subscription = subscription }
}

/// The params of any notification, as a client reads them.
public struct NotificationParams: Codable, Sendable, Hashable {
    public var subscription: Int
    public var event: TimelineEvent?
    public var ids: [String]?
    public var reason: String?

    public init(subscription: Int, event: TimelineEvent? = nil, ids: [String]? = nil, reason: String? = nil) {
        self.subscription = subscription
        self.event = event
        self.ids = ids
        self.reason = reason
    }
}

/// A server push as a client reads it.
public struct RPCNotification<P: Decodable & Sendable>: Decodable, Sendable {
    public var method: String
    public var params: P
}

public struct QueryResult: Codable, Sendable, Hashable {
    public var events: [TimelineEvent]
    /// Pass as `cursor` for the next page; `null` on the last page.
    public var nextCursor: String?

    public init(events: [TimelineEvent], nextCursor: String?) {
        self.events = events
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case events
        case nextCursor = "next_cursor"
    }

    // `next_cursor` is written as null rather than left out, so clients can rely on the key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(events, forKey: .events)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}

public struct EventParams: RPCParams, Hashable {
    public var id: String
    public static let names: Set<String> = ["id"]
    public init(id: String) { self.id = id }
}

public struct NoParams: RPCParams, Hashable {
    public static let names: Set<String> = []
    public init() {}
}

public struct SourcesResult: Codable, Sendable, Hashable {
    /// The current version of each path, in the order they were logged.
    public var sources: [SourceEntry]
    public init(sources: [SourceEntry]) { self.sources = sources }
}

/// A document record and whether its file is still in the drop folder.
/// On the wire: the record's fields plus `"present"`.
public struct SourceEntry: Codable, Sendable, Hashable {
    public var document: DocumentRecord
    /// False once the file has been deleted or moved away; its events stay.
    public var present: Bool

    public init(document: DocumentRecord, present: Bool) {
        self.document = document
        self.present = present
    }

    enum CodingKeys: String, CodingKey { case present }

    public init(from decoder: any Decoder) throws {
        document = try DocumentRecord(from: decoder)
        present = try decoder.container(keyedBy: CodingKeys.self).decode(Bool.self, forKey: .present)
    }

    public func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(present, forKey: .present)
    }
}

public struct StatsResult: Codable, Sendable, Hashable {
    public var documents: Int
    public var failedDocuments: Int
    public var events: Int
    public var eventsByType: [String: Int]
    public var logBytes: Int
    public var lastSeq: UInt64
    public var uptimeSeconds: Double
    /// Files waiting to be ingested.
    public var pending: Int

    public init(
        documents: Int,
        failedDocuments: Int,
        events: Int,
        eventsByType: [String: Int],
        logBytes: Int,
        lastSeq: UInt64,
        uptimeSeconds: Double,
        pending: Int
    ) {
        self.documents = documents
        self.failedDocuments = failedDocuments
        self.events = events
        self.eventsByType = eventsByType
        self.logBytes = logBytes
        self.lastSeq = lastSeq
        self.uptimeSeconds = uptimeSeconds
        self.pending = pending
    }

    enum CodingKeys: String, CodingKey {
        case documents
        case failedDocuments = "failed_documents"
        case events
        case eventsByType = "events_by_type"
        case logBytes = "log_bytes"
        case lastSeq = "last_seq"
        case uptimeSeconds = "uptime_seconds"
        case pending
    }
}

public struct HealthResult: Codable, Sendable, Hashable {
    /// `ok`, or `degraded` while something keeps the daemon from doing its work (see `problem`).
    public var status: String
    public var version: String
    /// True once the files present at start have been taken in.
    public var caughtUp: Bool
    public var dropDir: String
    /// What is wrong when `status` is `degraded`, e.g. the log cannot be written.
    public var problem: String?

    public init(status: String, version: String, caughtUp: Bool, dropDir: String, problem: String? = nil) {
        self.status = status
        self.version = version
        self.caughtUp = caughtUp
        self.dropDir = dropDir
        self.problem = problem
    }

    enum CodingKeys: String, CodingKey {
        case status, version, problem
        case caughtUp = "caught_up"
        case dropDir = "drop_dir"
    }
}
