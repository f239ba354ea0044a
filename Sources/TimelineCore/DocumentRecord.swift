/// What the log knows about one ingested file.
public struct DocumentRecord: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// Read and extracted; its events are in the log.
        case ingested
        /// Could not be read or parsed; `reason` says why. Nothing was extracted.
        case failed
    }

    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    public var path: String
    public var size: Int
    /// Modification time, seconds since the epoch.
    public var modified: Double
    public var title: String?
    /// The document creation time used to resolve relative dates.
    public var dct: CivilDate?
    /// Where `dct` came from: `override`, `front-matter`, `byline`, `dateline`, `mtime`.
    public var dctSource: String?
    /// When the daemon ingested it, ISO 8601 UTC.
    public var ingestedAt: String
    public var status: Status
    public var reason: String?
    public var eventCount: Int

    public init(
        sha256: String,
        path: String,
        size: Int,
        modified: Double,
        title: String?,
        dct: CivilDate?,
        dctSource: String?,
        ingestedAt: String,
        status: Status,
        reason: String?,
        eventCount: Int
    ) {
        self.sha256 = sha256
        self.path = path
        self.size = size
        self.modified = modified
        self.title = title
        self.dct = dct
        self.dctSource = dctSource
        self.ingestedAt = ingestedAt
        self.status = status
        self.reason = reason
        self.eventCount = eventCount
    }

    enum CodingKeys: String, CodingKey {
        case sha256, path, size, modified, title, dct
        case dctSource = "dct_source"
        case ingestedAt = "ingested_at"
        case status, reason
        case eventCount = "event_count"
    }
}
