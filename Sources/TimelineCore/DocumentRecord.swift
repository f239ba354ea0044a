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
    /// The file's format: `text`, `markdown`, `html`, `pdf`. Absent in records written before formats were recorded.
    public var format: String?
    /// The encoding its bytes were read in: `UTF-8`, `UTF-8-BOM`, `UTF-16LE`, `GB18030`… (`binary` for a PDF).
    public var encoding: String?

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
        eventCount: Int,
        format: String? = nil,
        encoding: String? = nil
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
        self.format = format
        self.encoding = encoding
    }

    enum CodingKeys: String, CodingKey {
        case sha256, path, size, modified, title, dct
        case dctSource = "dct_source"
        case ingestedAt = "ingested_at"
        case status, reason
        case eventCount = "event_count"
        case format, encoding
    }
}
