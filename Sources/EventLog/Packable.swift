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
    /// Where the next field starts.
    private(set) var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func u64() -> UInt64 {
        guard at + 8 <= bytes.count else {
            at = bytes.count
            return 0
        }
        defer { at += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    /// A number `pack(varint:)` wrote (LEB128); at most ten bytes are read.
    @inline(__always)
    mutating func varint() -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count && shift < 64 {
            let b = bytes[at]
            at += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
        return v
    }

    /// A signed number `pack(_: Int)` wrote (zigzag LEB128).
    mutating func int() -> Int {
        let z = varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
    }

    @inline(__always)
    mutating func byte() -> UInt8 {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return bytes[at]
    }

    /// The bytes of a string `pack(_: String)` wrote, without making the string.
    @inline(__always)
    mutating func stringBytes() -> UnsafeRawBufferPointer {
        let n = Int(truncatingIfNeeded: min(varint(), UInt64(bytes.count)))
        let start = min(at, bytes.count)
        let end = min(bytes.count, start + n)
        at = end
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    @inline(__always)
    mutating func string() -> String { String(decoding: stringBytes(), as: UTF8.self) }

    @inline(__always)
    mutating func optional() -> String? { byte() == 1 ? string() : nil }

    mutating func skipOptional() { if byte() == 1 { _ = stringBytes() } }

    /// A string `pack(digest:)` wrote.
    @inline(__always)
    mutating func digest() -> String { PackedDigest.decode(stringBytes()) }

    /// What is left.
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[min(at, bytes.count)...]) }
}

extension Array where Element == UInt8 {
    mutating func pack(_ v: UInt64) {
        var v = v.littleEndian
        Swift.withUnsafeBytes(of: &v) { self += $0 }
    }

    /// LEB128: most numbers in a document record (lengths, sizes, counts) take one to four bytes.
    mutating func pack(varint v: UInt64) {
        var v = v
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        append(UInt8(v))
    }

    /// Zigzag LEB128, so small negative numbers stay short too.
    mutating func pack(_ v: Int) {
        let x = Int64(v)
        pack(varint: UInt64(bitPattern: (x << 1) ^ (x >> 63)))
    }

    mutating func pack(_ s: String) {
        pack(varint: UInt64(s.utf8.count))
        self += s.utf8
    }

    mutating func pack(_ s: String?) {
        append(s == nil ? 0 : 1)
        if let s { pack(s) }
    }

    /// A SHA-256 as `PackedDigest` stores it, with its length.
    mutating func pack(digest s: String) {
        var encoded: [UInt8] = []
        PackedDigest.append(s, to: &encoded)
        pack(varint: UInt64(encoded.count))
        self += encoded
    }
}

/// A SHA-256 in 33 bytes instead of 64: a marker byte no UTF-8 string starts with, then the
/// 32 bytes the lower-case hex spells. Any other string is kept as its UTF-8, so every string
/// comes back exactly as it went in.
enum PackedDigest {
    static let marker: UInt8 = 0xFF

    /// Whether `s` is 64 lower-case hex digits.
    static func isDigest(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    static func append(_ s: String, to bytes: inout [UInt8]) {
        guard isDigest(s) else {
            bytes += s.utf8
            return
        }
        bytes.append(marker)
        var high: UInt8 = 0
        for (k, c) in s.utf8.enumerated() {
            let v = c <= 0x39 ? c - 0x30 : c - 0x61 + 10
            if k & 1 == 0 { high = v << 4 } else { bytes.append(high | v) }
        }
    }

    /// Calls `body` with the bytes `append` would add for `s`, without allocating.
    static func withEncoded<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard isDigest(s) else {
            var s = s
            return s.withUTF8(body)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 33) { buffer in
            buffer[0] = marker
            var high: UInt8 = 0
            for (k, c) in s.utf8.enumerated() {
                let v = c <= 0x39 ? c - 0x30 : c - 0x61 + 10
                if k & 1 == 0 { high = v << 4 } else { buffer[1 + k / 2] = high | v }
            }
            return body(UnsafeBufferPointer(buffer))
        }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.count == 33, bytes[0] == marker else { return String(decoding: bytes, as: UTF8.self) }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { out in
            for k in 0..<32 {
                out[2 * k] = digits[Int(bytes[1 + k] >> 4)]
                out[2 * k + 1] = digits[Int(bytes[1 + k] & 0xF)]
            }
            return 64
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String { decode(UnsafeRawBufferPointer(bytes)) }
}

// As the path map's values are SHA-256s, they are stored as `PackedDigest` does.
extension String: Packable {
    func pack(into bytes: inout [UInt8]) { PackedDigest.append(self, to: &bytes) }
    init(unpacking bytes: UnsafeRawBufferPointer) { self = PackedDigest.decode(bytes) }
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
        bytes.pack(digest: sha256)
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
        let sha = r.digest()
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
        bytes.pack(varint: UInt64(ids.bytes.count))
        bytes += ids.bytes
        record.pack(into: &bytes)
    }

    init(unpacking bytes: UnsafeRawBufferPointer) {
        var r = PackedReader(bytes)
        currentSeq = Self.currentSeq(in: bytes)
        _ = r.byte()
        _ = r.u64()
        // Bounded by what is there: damaged bytes give a wrong entry, never a trap.
        ids = IDList(bytes: Array(r.stringBytes()))
        record = DocumentRecord(unpacking: r.rest)
    }

    /// The status of a packed entry's record while it is current (`nil` once it is not), read
    /// without making the record: `stats` counts a hundred thousand of them.
    static func currentStatus(in bytes: UnsafeRawBufferPointer) -> DocumentRecord.Status? {
        guard currentSeq(in: bytes) != nil else { return nil }
        var r = PackedReader(bytes)
        _ = r.byte()
        _ = r.u64()
        _ = r.stringBytes()  // ids
        _ = r.stringBytes()  // sha256
        _ = r.stringBytes()  // path
        _ = r.int()  // size
        _ = r.u64()  // modified
        r.skipOptional()  // title
        if r.byte() == 1 { _ = r.int() }  // dct
        r.skipOptional()  // dctSource
        _ = r.stringBytes()  // ingestedAt
        return r.byte() == 1 ? .failed : .ingested
    }

    /// The seq of a packed entry, read without the rest.
    static func currentSeq(in bytes: UnsafeRawBufferPointer) -> UInt64? {
        var r = PackedReader(bytes)
        let has = r.byte() == 1
        let seq = r.u64()
        return has ? seq : nil
    }
}
