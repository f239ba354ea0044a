extension JSONValue {
    /// Reads the JSON that clients commonly send (objects, arrays, strings,
    /// small integers, booleans, null) without `JSONDecoder`, which costs more
    /// than answering a query. For anything else — a fraction or exponent, a
    /// large integer, a repeated key, deep nesting, invalid JSON — it returns
    /// `nil`, and the caller decodes with `JSONDecoder`, whose result and errors
    /// stay the reference.
    public static func parseCommon(_ bytes: some Collection<UInt8>) -> JSONValue? {
        let parsed = bytes.withContiguousStorageIfAvailable { buffer -> JSONValue? in
            var parser = CommonJSONParser(bytes: buffer)
            return parser.document()
        }
        return parsed
            ?? Array(bytes).withUnsafeBufferPointer { buffer in
                var parser = CommonJSONParser(bytes: buffer)
                return parser.document()
            }
    }
}

private struct CommonJSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0

    mutating func document() -> JSONValue? {
        guard let v = value() else { return nil }
        skipSpace()
        return i == bytes.count ? v : nil
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
            i += 1
        }
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    mutating func value() -> JSONValue? {
        skipSpace()
        guard i < bytes.count, depth < 32 else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case 0x22: return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "-"), 48...57: return integer()
        default: return nil
        }
    }

    /// `-?(0|[1-9][0-9]*)` with at most 18 digits, not `-0`; anything else is left to `JSONDecoder`.
    mutating func integer() -> JSONValue? {
        var negative = false
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let start = i
        var v: Int64 = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
            v = v * 10 + Int64(bytes[i] - 48)
            i += 1
            if i - start > 18 { return nil }
        }
        let digits = i - start
        guard digits > 0, !(digits > 1 && bytes[start] == 48), !(negative && v == 0) else { return nil }
        if i < bytes.count,
            bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")
        {
            return nil
        }
        return .int(negative ? -v : v)
    }

    mutating func array() -> JSONValue? {
        i += 1
        depth += 1
        defer { depth -= 1 }
        var out: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(out)
        }
        while true {
            guard let v = value() else { return nil }
            out.append(v)
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(out)
            } else {
                return nil
            }
        }
    }

    mutating func object() -> JSONValue? {
        i += 1
        depth += 1
        defer { depth -= 1 }
        var out: [String: JSONValue] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(out)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x22, let key = string() else { return nil }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard let v = value(), out.updateValue(v, forKey: key) == nil else { return nil }
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .object(out)
            } else {
                return nil
            }
        }
    }

    /// A string with no escapes; one with escapes is left to `JSONDecoder`.
    mutating func string() -> String? {
        i += 1
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                defer { i += 1 }
                return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            if b == 0x5C || b < 0x20 { return nil }
            i += 1
        }
        return nil
    }
}
