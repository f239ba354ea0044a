import TimelineCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads the log's own records without `JSONDecoder`, which costs most of a
/// full replay (about 25 µs a line). It knows exactly the fields our encoder
/// writes; anything else (a field it does not know, a shape it does not
/// expect) makes it give up, and `LogLineCodec` decodes that line the slow,
/// general way. So a record type that gains a field stays readable, just slower,
/// until this reader learns the field.
struct FastRecordDecoder {
    struct GiveUp: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The record in `line` (a whole JSON object, checksum field removed or not), or `nil` to fall back.
    static func decode(_ line: UnsafeBufferPointer<UInt8>) -> SequencedRecord? {
        var reader = FastRecordDecoder(line)
        return try? reader.record()
    }

    // MARK: records

    // The keys our encoder writes, in the order the member closures number them.
    private static let recordKeys: [StaticString] = ["seq", "kind", "crc", "event", "document", "retraction"]
    private static let eventKeys: [StaticString] = [
        "id", "type", "date", "start", "end", "evidence", "places", "organizations", "source",
    ]
    private static let sourceKeys: [StaticString] = ["path", "title", "document"]
    private static let documentKeys: [StaticString] = [
        "sha256", "path", "size", "modified", "title", "dct", "dct_source", "ingested_at", "status", "reason",
        "event_count",
    ]
    private static let retractionKeys: [StaticString] = ["document", "path", "events", "reason"]

    private mutating func record() throws(GiveUp) -> SequencedRecord {
        var seq: UInt64?
        var kind: String?
        var record: LogRecord?
        var bodies = 0
        try object { (r: inout Self, key) throws(GiveUp) in
            let k = try Self.which(key, Self.recordKeys)
            switch k {
            case 0: seq = try r.unsigned()
            case 1: kind = try r.string()
            case 2: _ = try r.string()
            case 3: record = .event(try r.event())
            case 4: record = .document(try r.document())
            default: record = .retraction(try r.retraction())
            }
            // Only one of the three bodies.
            if k >= 3 && bodies > 0 { throw GiveUp() }
            if k >= 3 { bodies += 1 }
            return k
        }
        skipSpace()
        guard i == bytes.count, let seq, let kind, let record else { throw GiveUp() }
        switch (kind, record) {
        case ("event", .event), ("document", .document), ("retraction", .retraction):
            return SequencedRecord(seq: seq, record: record)
        default: throw GiveUp()
        }
    }

    private mutating func event() throws(GiveUp) -> TimelineEvent {
        var id: String?
        var type: EventType?
        var date: TimexValue?
        var start: CivilDate?
        var end: CivilDate?
        var evidence: String?
        var source: SourceReference?
        var places: [String]?
        var organizations: [String]?
        try object { (r: inout Self, key) throws(GiveUp) in
            let k = try Self.which(key, Self.eventKeys)
            switch k {
            case 0: id = try r.string()
            case 1:
                guard let t = EventType(rawValue: try r.string()) else { throw GiveUp() }
                type = t
            case 2:
                guard let d = TimexValue(try r.string()) else { throw GiveUp() }
                date = d
            case 3: start = try r.civilDate()
            case 4: end = try r.civilDate()
            case 5: evidence = try r.string()
            case 6: places = try r.strings()
            case 7: organizations = try r.strings()
            default: source = try r.source()
            }
            return k
        }
        guard let id, let type, let date, let start, let end, let evidence, let source, let places,
            let organizations
        else { throw GiveUp() }
        var e = TimelineEvent(
            id: id,
            type: type,
            date: date,
            evidence: evidence,
            source: source,
            places: places,
            organizations: organizations
        )
        // As stored, like `Codable` would: the log is the truth.
        e.start = start
        e.end = end
        return e
    }

    private mutating func source() throws(GiveUp) -> SourceReference {
        var path: String?
        var title: String?
        var document: String?
        try object { (r: inout Self, key) throws(GiveUp) in
            let k = try Self.which(key, Self.sourceKeys)
            switch k {
            case 0: path = try r.string()
            case 1: title = try r.optionalString()
            default: document = try r.string()
            }
            return k
        }
        guard let path, let document else { throw GiveUp() }
        return SourceReference(path: path, title: title, document: document)
    }

    private mutating func document() throws(GiveUp) -> DocumentRecord {
        var sha: String?
        var path: String?
        var size: Int?
        var modified: Double?
        var title: String?
        var dct: CivilDate?
        var dctSource: String?
        var ingestedAt: String?
        var status: DocumentRecord.Status?
        var reason: String?
        var eventCount: Int?
        try object { (r: inout Self, key) throws(GiveUp) in
            let k = try Self.which(key, Self.documentKeys)
            switch k {
            case 0: sha = try r.string()
            case 1: path = try r.string()
            case 2: size = try r.integer()
            case 3: modified = try r.double()
            case 4: title = try r.optionalString()
            case 5:
                if r.null() { dct = nil } else { dct = try r.civilDate() }
            case 6: dctSource = try r.optionalString()
            case 7: ingestedAt = try r.string()
            case 8:
                guard let s = DocumentRecord.Status(rawValue: try r.string()) else { throw GiveUp() }
                status = s
            case 9: reason = try r.optionalString()
            default: eventCount = try r.integer()
            }
            return k
        }
        guard let sha, let path, let size, let modified, let ingestedAt, let status, let eventCount else {
            throw GiveUp()
        }
        return DocumentRecord(
            sha256: sha,
            path: path,
            size: size,
            modified: modified,
            title: title,
            dct: dct,
            dctSource: dctSource,
            ingestedAt: ingestedAt,
            status: status,
            reason: reason,
            eventCount: eventCount
        )
    }

    private mutating func retraction() throws(GiveUp) -> Retraction {
        var document: String?
        var path: String?
        var events: [String]?
        var reason: String?
        try object { (r: inout Self, key) throws(GiveUp) in
            let k = try Self.which(key, Self.retractionKeys)
            switch k {
            case 0: document = try r.string()
            case 1: path = try r.string()
            case 2: events = try r.strings()
            default: reason = try r.string()
            }
            return k
        }
        guard let document, let path, let events, let reason else { throw GiveUp() }
        return Retraction(document: document, path: path, events: events, reason: reason)
    }

    // MARK: JSON

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
            i += 1
        }
    }

    private mutating func expect(_ b: UInt8) throws(GiveUp) {
        skipSpace()
        guard i < bytes.count, bytes[i] == b else { throw GiveUp() }
        i += 1
    }

    private mutating func peek(_ b: UInt8) -> Bool {
        skipSpace()
        return i < bytes.count && bytes[i] == b
    }

    /// Calls `member` for each key with the key's bytes (keys with escapes give up).
    /// `member` returns the key's bit in `known`'s order, so a key seen twice gives up,
    /// as our encoder never writes one twice.
    private mutating func object(
        _ member: (inout Self, UnsafeBufferPointer<UInt8>) throws(GiveUp) -> Int
    ) throws(GiveUp) {
        try expect(UInt8(ascii: "{"))
        if peek(UInt8(ascii: "}")) {
            i += 1
            return
        }
        var seen: UInt32 = 0
        while true {
            try expect(0x22)
            let start = i
            while i < bytes.count, bytes[i] != 0x22 {
                guard bytes[i] != 0x5C else { throw GiveUp() }
                i += 1
            }
            guard i < bytes.count else { throw GiveUp() }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<i])
            i += 1
            try expect(UInt8(ascii: ":"))
            let bit = UInt32(1) << UInt32(try member(&self, key))
            guard seen & bit == 0 else { throw GiveUp() }
            seen |= bit
            skipSpace()
            guard i < bytes.count else { throw GiveUp() }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return
            } else {
                throw GiveUp()
            }
        }
    }

    /// The position of `key` in `names`; gives up on a key not there.
    private static func which(_ key: UnsafeBufferPointer<UInt8>, _ names: [StaticString]) throws(GiveUp) -> Int {
        for (k, name) in names.enumerated() where name.utf8CodeUnitCount == key.count {
            if memcmp(name.utf8Start, key.baseAddress!, key.count) == 0 { return k }
        }
        throw GiveUp()
    }

    private mutating func null() -> Bool {
        skipSpace()
        guard i + 4 <= bytes.count, bytes[i] == 0x6E, bytes[i + 1] == 0x75, bytes[i + 2] == 0x6C,
            bytes[i + 3] == 0x6C
        else { return false }
        i += 4
        return true
    }

    private mutating func optionalString() throws(GiveUp) -> String? {
        null() ? nil : try string()
    }

    private mutating func strings() throws(GiveUp) -> [String] {
        try expect(UInt8(ascii: "["))
        var out: [String] = []
        if peek(UInt8(ascii: "]")) {
            i += 1
            return out
        }
        while true {
            out.append(try string())
            skipSpace()
            guard i < bytes.count else { throw GiveUp() }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return out
            } else {
                throw GiveUp()
            }
        }
    }

    /// `"YYYY-MM-DD"`, read from the bytes.
    private mutating func civilDate() throws(GiveUp) -> CivilDate {
        try expect(0x22)
        guard i + 11 <= bytes.count, bytes[i + 4] == 0x2D, bytes[i + 7] == 0x2D, bytes[i + 10] == 0x22 else {
            throw GiveUp()
        }
        func digits(_ from: Int, _ n: Int) throws(GiveUp) -> Int {
            var v = 0
            for k in from..<(from + n) {
                let b = bytes[k]
                guard b >= 48, b <= 57 else { throw GiveUp() }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard let d = CivilDate(year: try digits(i, 4), month: try digits(i + 5, 2), day: try digits(i + 8, 2)) else {
            throw GiveUp()
        }
        i += 11
        return d
    }

    /// A string; plain runs are copied as they are, escapes decoded.
    private mutating func string() throws(GiveUp) -> String {
        try expect(0x22)
        let start = i
        var ascii = true
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                if ascii { return String(decoding: run, as: UTF8.self) }
                // Invalid UTF-8 is not repaired here: the general decoder decides what it means.
                guard let s = String(validating: run, as: UTF8.self) else { throw GiveUp() }
                return s
            }
            if b == 0x5C || b < 0x20 { break }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw GiveUp() }
                return s
            }
            guard b >= 0x20 else { throw GiveUp() }
            if b != 0x5C {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { throw GiveUp() }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair: the low half must follow.
                    guard i + 2 <= bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { throw GiveUp() }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw GiveUp() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw GiveUp()
                }
                guard let u = Unicode.Scalar(scalar) else { throw GiveUp() }
                out += Array(String(Character(u)).utf8)
            default: throw GiveUp()
            }
        }
        throw GiveUp()
    }

    private mutating func hex4() throws(GiveUp) -> UInt32 {
        guard i + 4 <= bytes.count else { throw GiveUp() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case 48...57: d = b - 48
            case 97...102: d = b - 87
            case 65...70: d = b - 55
            default: throw GiveUp()
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    /// The bytes of a JSON number, checked loosely; the conversions check the rest.
    private mutating func numberText() throws(GiveUp) -> UnsafeBufferPointer<UInt8> {
        skipSpace()
        let start = i
        while i < bytes.count {
            switch bytes[i] {
            case 48...57, UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"),
                UInt8(ascii: "E"):
                i += 1
            default:
                guard i > start else { throw GiveUp() }
                return UnsafeBufferPointer(rebasing: bytes[start..<i])
            }
        }
        throw GiveUp()
    }

    private mutating func unsigned() throws(GiveUp) -> UInt64 {
        let text = try numberText()
        var v: UInt64 = 0
        for b in text {
            guard b >= 48, b <= 57 else { throw GiveUp() }
            let (times10, o1) = v.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(b - 48))
            guard !o1, !o2 else { throw GiveUp() }
            v = sum
        }
        return v
    }

    private mutating func integer() throws(GiveUp) -> Int {
        let text = try numberText()
        var digits = text[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { throw GiveUp() }
        var v = 0
        for b in digits {
            guard b >= 48, b <= 57 else { throw GiveUp() }
            v = v * 10 + Int(b - 48)
        }
        return negative ? -v : v
    }

    private mutating func double() throws(GiveUp) -> Double {
        let text = try numberText()
        guard let d = Double(String(decoding: text, as: UTF8.self)), d.isFinite else { throw GiveUp() }
        return d
    }
}
