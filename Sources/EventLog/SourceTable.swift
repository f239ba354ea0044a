import TimelineCore

/// A tier's sources (path, title, document) packed one after another in one byte buffer, the
/// document's SHA-256 in 33 bytes (`PackedDigest`): a hundred thousand `SourceReference`s
/// took three heap strings each. A `SourceReference` is made when an event is.
struct SourceTable: Sendable {
    /// Where each source starts in `bytes`; one entry more than there are sources.
    private(set) var starts: [Int] = [0]
    private(set) var bytes: [UInt8] = []

    init() {}

    var count: Int { starts.count - 1 }

    /// Source `n`, made whole.
    subscript(n: Int) -> SourceReference {
        withBytes(n) { raw in
            var r = PackedReader(raw)
            return SourceReference(path: r.string(), title: r.optional(), document: r.digest())
        }
    }

    /// Calls `body` with source `n` as packed bytes.
    func withBytes<R>(_ n: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let (start, end) = (starts[n], starts[n + 1])
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// `source` as this table packs it.
    static func pack(_ source: SourceReference) -> [UInt8] {
        var out: [UInt8] = []
        out.pack(source.path)
        out.pack(source.title)
        out.pack(digest: source.document)
        return out
    }

    /// Appends a source already packed; returns its number.
    @discardableResult
    mutating func append(packed: some Collection<UInt8>) -> Int {
        bytes += packed
        starts.append(bytes.count)
        return count - 1
    }

    /// The number of the newest source packed as `packed`, if there is one.
    ///
    /// - Complexity: O(s) for s sources; for small tiers, whose events come a document at a time.
    func lastNumber(ofPacked packed: [UInt8]) -> Int? {
        for n in stride(from: count - 1, through: 0, by: -1) where withBytes(n, { $0.elementsEqual(packed) }) {
            return n
        }
        return nil
    }

    mutating func reserve(sources: Int, bytes count: Int) {
        starts.reserveCapacity(sources + 1)
        bytes.reserveCapacity(count)
    }

    // MARK: checkpoint

    func write(to w: inout CheckpointWriter) throws(CheckpointError) {
        try w.array(starts)
        try w.array(bytes)
    }

    /// Reads what `write(to:)` wrote and checks every offset: a source read from bytes that
    /// end early comes out wrong (`PackedReader`), never as a trap.
    init(from r: inout CheckpointReader) throws(CheckpointError) {
        starts = try r.array(of: Int.self)
        bytes = try r.array(of: UInt8.self)
        guard starts.first == 0, (starts.last ?? -1) <= bytes.count else {
            throw CheckpointError("source table offsets disagree")
        }
        for k in 1..<starts.count where starts[k - 1] > starts[k] {
            throw CheckpointError("source table offsets disagree")
        }
    }
}
