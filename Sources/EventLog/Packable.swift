import TimelineCore

/// A value kept as bytes in a `PackedMap`: written once, read back whenever it is looked up.
///
/// Reading never traps: bytes that end early read as zeros and empty strings, so a damaged
/// checkpoint that passed its checksums gives wrong values, not a crash.
protocol Packable: Sendable {
    func pack(into bytes: inout [UInt8])
    init(unpacking bytes: UnsafeRawBufferPointer)
}

/// Reads the fields `Packable` values wrote, in order.
struct PackedReader {
    private let bytes: UnsafeRawBufferPointer
    private var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func u64() -> UInt64 {
        guard at + 8 <= bytes.count else {
            at = bytes.count
            return 0
        }
        defer { at += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    mutating func int() -> Int { Int(Int64(bitPattern: u64())) }

    mutating func byte() -> UInt8 {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func string() -> String {
        let n = Int(UInt32(truncatingIfNeeded: u64()))
        let end = min(bytes.count, at + n)
        defer { at = end }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<end]), as: UTF8.self)
    }

    mutating func optional() -> String? { byte() == 1 ? string() : nil }
}

extension Array where Element == UInt8 {
    mutating func pack(_ v: UInt64) {
        var v = v.littleEndian
        Swift.withUnsafeBytes(of: &v) { self += $0 }
    }

    mutating func pack(_ v: Int) { pack(UInt64(bitPattern: Int64(v))) }

    mutating func pack(_ s: String) {
        pack(s.utf8.count)
        self += s.utf8
    }

    mutating func pack(_ s: String?) {
        append(s == nil ? 0 : 1)
        if let s { pack(s) }
    }
}

extension String: Packable {
    func pack(into bytes: inout [UInt8]) { bytes += utf8 }
    init(unpacking bytes: UnsafeRawBufferPointer) { self.init(decoding: bytes, as: UTF8.self) }
}

extension UInt64: Packable {
    func pack(into bytes: inout [UInt8]) { bytes.pack(self) }
    init(unpacking bytes: UnsafeRawBufferPointer) {
        var r = PackedReader(bytes)
        self = r.u64()
    }
}

extension IDList: Packable {
    func pack(into bytes: inout [UInt8]) { bytes += self.bytes }
    init(unpacking bytes: UnsafeRawBufferPointer) { self.init(bytes: Array(bytes)) }
}

extension DocumentRecord: Packable {
    func pack(into bytes: inout [UInt8]) {
        bytes.pack(sha256)
        bytes.pack(path)
        bytes.pack(size)
        bytes.pack(modified.bitPattern)
        bytes.pack(title)
        bytes.append(dct == nil ? 0 : 1)
        if let dct { bytes.pack(dct.dayNumber) }
        bytes.pack(dctSource)
        bytes.pack(ingestedAt)
        bytes.append(status == .failed ? 1 : 0)
        bytes.pack(reason)
        bytes.pack(eventCount)
        bytes.pack(format)
        bytes.pack(encoding)
    }

    init(unpacking bytes: UnsafeRawBufferPointer) {
        var r = PackedReader(bytes)
        let sha = r.string()
        let path = r.string()
        let size = r.int()
        let modified = Double(bitPattern: r.u64())
        let title = r.optional()
        // Clamped: a day number near `Int.max` would overflow the calendar arithmetic.
        let dct = r.byte() == 1 ? CivilDate(dayNumber: min(max(r.int(), -(1 << 40)), 1 << 40)) : nil
        self.init(
            sha256: sha,
            path: path,
            size: size,
            modified: modified,
            title: title,
            dct: dct,
            dctSource: r.optional(),
            ingestedAt: r.string(),
            status: r.byte() == 1 ? .failed : .ingested,
            reason: r.optional(),
            eventCount: r.int(),
            format: r.optional(),
            encoding: r.optional()
        )
    }
}

/// Everything the index keeps about one logged document version, under its SHA-256
/// (`EventIndex.documents`): one key for the record, its seq and its event ids.
struct DocumentEntry: Packable, Equatable {
    var record: DocumentRecord
    /// When it was logged, while it is what its path holds; `nil` once replaced or withdrawn.
    var currentSeq: UInt64?
    /// Its indexed events, in the order they were added.
    var ids = IDList()

    init(record: DocumentRecord, currentSeq: UInt64?) {
        self.record = record
        self.currentSeq = currentSeq
    }

    // The seq first, at a fixed place, so listing the current documents reads nothing else.
    func pack(into bytes: inout [UInt8]) {
        bytes.append(currentSeq == nil ? 0 : 1)
        bytes.pack(currentSeq ?? 0)
        bytes.pack(ids.bytes.count)
        bytes += ids.bytes
        record.pack(into: &bytes)
    }

    init(unpacking bytes: UnsafeRawBufferPointer) {
        var r = PackedReader(bytes)
        currentSeq = Self.currentSeq(in: bytes)
        _ = r.byte()
        _ = r.u64()
        // Bounded by what is there: damaged bytes give a wrong entry, never a trap.
        let start = min(17, bytes.count)
        let n = max(0, min(r.int(), bytes.count - start))
        ids = IDList(bytes: Array(UnsafeRawBufferPointer(rebasing: bytes[start..<start + n])))
        record = DocumentRecord(unpacking: UnsafeRawBufferPointer(rebasing: bytes[(start + n)...]))
    }

    /// The seq of a packed entry, read without the rest.
    static func currentSeq(in bytes: UnsafeRawBufferPointer) -> UInt64? {
        var r = PackedReader(bytes)
        let has = r.byte() == 1
        let seq = r.u64()
        return has ? seq : nil
    }
}
