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
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
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
        for (i, e) in events.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.event(e, to: &out)
        }
        JSONWriter.key(#"],"next_cursor":"#, to: &out)
        if let nextCursor { JSONWriter.string(nextCursor, to: &out) } else { JSONWriter.key("null", to: &out) }
        out.append(UInt8(ascii: "}"))
    }
}
