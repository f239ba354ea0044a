import TimelineCore

/// A result that writes its own JSON, byte for byte what `RPCResponseEncoder.makeEncoder()`
/// writes for it, without Foundation's encoder: query results are the hot path
/// (`JSONEncoder` costs about 10 µs per event).
public protocol JSONWritable {
    func writeJSON(to out: inout [UInt8])
}

/// Writes compact JSON with sorted keys and unescaped slashes, as `RPCResponseEncoder` does.
public enum JSONWriter {
    /// A JSON string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`.
    public static func string(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var runStart = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none needs escaping, as in almost all evidence.
                if i + 8 <= bytes.count, !mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = bytes[i]
                i += 1
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                let runEnd = i - 1
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]))
                runStart = i
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x08: out += [0x5C, 0x62]
                case 0x0C: out += [0x5C, 0x66]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(0x22)
    }

    /// Whether any of the eight bytes in `w` is below 0x20, `"` or a backslash (exact: a borrow
    /// between bytes only starts at a byte that is below the bound itself).
    @inline(__always) static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func below(_ v: UInt64, _ n: UInt64) -> Bool { (v &- ones &* n) & ~v & high != 0 }
        return below(w, 0x20) || below(w ^ (ones &* 0x22), 1) || below(w ^ (ones &* 0x5C), 1)
    }

    /// `"YYYY-MM-DD"` as `CivilDate.description` writes it, without building a string.
    static func day(_ d: CivilDate, to out: inout [UInt8]) {
        guard (0...9999).contains(d.year) else { return string(d.description, to: &out) }
        func digit(_ n: Int) -> UInt8 { UInt8(48 + n) }
        out += [
            0x22, digit(d.year / 1000), digit(d.year / 100 % 10), digit(d.year / 10 % 10), digit(d.year % 10), 0x2D,
            digit(d.month / 10), digit(d.month % 10), 0x2D, digit(d.day / 10), digit(d.day % 10), 0x22,
        ]
    }

    static func key(_ k: StaticString, to out: inout [UInt8]) {
        k.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func strings(_ list: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, s) in list.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(s, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// An event, keys sorted as `JSONEncoder` sorts them.
    public static func event(_ e: TimelineEvent, to out: inout [UInt8]) {
        key(#"{"date":"#, to: &out)
        if case .day(let d) = e.date.kind { day(d, to: &out) } else { string(e.date.description, to: &out) }
        key(#","end":"#, to: &out)
        day(e.end, to: &out)
        key(#","evidence":"#, to: &out)
        string(e.evidence, to: &out)
        key(#","id":"#, to: &out)
        string(e.id, to: &out)
        if let mentions = e.mentions {
            key(#","mentions":["#, to: &out)
            for (i, m) in mentions.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                key(#"{"evidence":"#, to: &out)
                string(m.evidence, to: &out)
                key(#","id":"#, to: &out)
                string(m.id, to: &out)
                key(#","source":"#, to: &out)
                source(m.source, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        key(#","organizations":"#, to: &out)
        strings(e.organizations, to: &out)
        key(#","places":"#, to: &out)
        strings(e.places, to: &out)
        key(#","source":"#, to: &out)
        source(e.source, to: &out)
        key(#","start":"#, to: &out)
        day(e.start, to: &out)
        key(#","type":"#, to: &out)
        string(e.type.rawValue, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    static func source(_ s: SourceReference, to out: inout [UInt8]) {
        key(#"{"document":"#, to: &out)
        string(s.document, to: &out)
        key(#","path":"#, to: &out)
        string(s.path, to: &out)
        if let title = s.title {
            key(#","title":"#, to: &out)
            string(title, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func id(_ id: RPCID, to out: inout [UInt8]) {
        switch id {
        case .number(let n): out += Array(String(n).utf8)
        case .string(let s): string(s, to: &out)
        case .null: key("null", to: &out)
        }
    }
}

extension TimelineEvent: JSONWritable {
    public func writeJSON(to out: inout [UInt8]) { JSONWriter.event(self, to: &out) }
}

extension QueryResult: JSONWritable {
    public func writeJSON(to out: inout [UInt8]) {
        // Roughly what 100 events take, so the buffer seldom grows.
        out.reserveCapacity(out.count + 64 + events.count * 480)
        JSONWriter.key(#"{"events":["#, to: &out)
        // Through a buffer pointer, which lends each event where the array would copy it.
        events.withUnsafeBufferPointer { events in
            for i in events.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.event(events[i], to: &out)
            }
        }
        JSONWriter.key(#"],"next_cursor":"#, to: &out)
        if let nextCursor { JSONWriter.string(nextCursor, to: &out) } else { JSONWriter.key("null", to: &out) }
        out.append(UInt8(ascii: "}"))
    }
}
