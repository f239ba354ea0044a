import Foundation

/// Reads the subset of TOML that the configuration uses: `[table]` headers,
/// `key = value` with strings (basic and literal), integers, floats, booleans
/// and one-line arrays of those, and `#` comments.
///
/// Kept small on purpose: the TOML packages available here pull in
/// dependencies we cannot resolve. Anything outside the subset is an error
/// naming `file:line`, never silently misread.
struct TOMLReader {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case array([Value])
    }

    struct Entry: Equatable {
        var value: Value
        var line: Int
    }

    struct Failure: Error, Equatable, CustomStringConvertible {
        var file: String
        var line: Int
        var message: String
        var description: String { "\(file):\(line): \(message)" }
    }

    /// Dotted keys (`server.max_connections`) to values.
    static func parse(_ text: String, file: String) throws(Failure) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        var table = ""
        for (i, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = i + 1
            func fail(_ message: String) -> Failure { Failure(file: file, line: lineNumber, message: message) }
            var scanner = Scanner(Array(rawLine.unicodeScalars))
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                guard let name = scanner.bareKey(allowDots: true), !name.isEmpty else {
                    throw fail("expected a table name after '['")
                }
                scanner.skipSpaces()
                guard scanner.peek == "]" else { throw fail("expected ']' after table name") }
                scanner.advance()
                scanner.skipSpaces()
                guard scanner.atEndOrComment else { throw fail("unexpected text after table header") }
                table = name
                continue
            }
            guard let key = scanner.bareKey(allowDots: false), !key.isEmpty else {
                throw fail("expected 'key = value'")
            }
            scanner.skipSpaces()
            guard scanner.peek == "=" else { throw fail("expected '=' after '\(key)'") }
            scanner.advance()
            scanner.skipSpaces()
            let value: Value
            do {
                value = try scanner.value()
            } catch {
                throw fail(error.message)
            }
            scanner.skipSpaces()
            guard scanner.atEndOrComment else { throw fail("unexpected text after the value of '\(key)'") }
            let full = table.isEmpty ? key : "\(table).\(key)"
            if let previous = entries[full] {
                throw fail("'\(full)' is already set on line \(previous.line)")
            }
            entries[full] = Entry(value: value, line: lineNumber)
        }
        return entries
    }

    struct ValueError: Error {
        var message: String
    }

    struct Scanner {
        let chars: [Unicode.Scalar]
        var i = 0

        init(_ chars: [Unicode.Scalar]) {
            // A Windows line end is still a line end.
            self.chars = chars.last == "\r" ? Array(chars.dropLast()) : chars
        }

        var peek: Unicode.Scalar? { i < chars.count ? chars[i] : nil }
        mutating func advance() { i += 1 }
        var atEndOrComment: Bool { peek == nil || peek == "#" }

        mutating func skipSpaces() {
            while let c = peek, c == " " || c == "\t" { advance() }
        }

        mutating func bareKey(allowDots: Bool) -> String? {
            var s = ""
            while let c = peek,
                c.properties.isASCIIHexDigit || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
                    || c == "-" || (allowDots && c == ".")
            {
                s.unicodeScalars.append(c)
                advance()
            }
            return s
        }

        mutating func value() throws(ValueError) -> Value {
            guard let c = peek else { throw ValueError(message: "missing value") }
            switch c {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[": return try array()
            case "t", "f": return try boolean()
            default: return try number()
            }
        }

        mutating func basicString() throws(ValueError) -> String {
            advance()
            var s = ""
            while let c = peek {
                advance()
                switch c {
                case "\"": return s
                case "\\":
                    guard let e = peek else { break }
                    advance()
                    switch e {
                    case "n": s += "\n"
                    case "t": s += "\t"
                    case "r": s += "\r"
                    case "\"": s += "\""
                    case "\\": s += "\\"
                    case "u", "U":
                        let width = e == "u" ? 4 : 8
                        var hex = ""
                        for _ in 0..<width {
                            guard let h = peek, h.properties.isASCIIHexDigit else {
                                throw ValueError(message: "bad \\\(e) escape")
                            }
                            hex.unicodeScalars.append(h)
                            advance()
                        }
                        guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                            throw ValueError(message: "bad \\\(e) escape")
                        }
                        s.unicodeScalars.append(scalar)
                    default: throw ValueError(message: "unknown escape '\\\(e)'")
                    }
                default: s.unicodeScalars.append(c)
                }
            }
            throw ValueError(message: "string has no closing quote")
        }

        mutating func literalString() throws(ValueError) -> String {
            advance()
            var s = ""
            while let c = peek {
                advance()
                if c == "'" { return s }
                s.unicodeScalars.append(c)
            }
            throw ValueError(message: "string has no closing quote")
        }

        mutating func array() throws(ValueError) -> Value {
            advance()
            var items: [Value] = []
            while true {
                skipSpaces()
                if peek == "]" {
                    advance()
                    return .array(items)
                }
                guard peek != nil, peek != "#" else {
                    throw ValueError(message: "arrays must close on the same line")
                }
                items.append(try value())
                skipSpaces()
                if peek == "," {
                    advance()
                } else if peek != "]" {
                    throw ValueError(message: "expected ',' or ']' in array")
                }
            }
        }

        mutating func boolean() throws(ValueError) -> Value {
            let rest = String(String.UnicodeScalarView(chars[i...]))
            if rest.hasPrefix("true") {
                i += 4
                return .bool(true)
            }
            if rest.hasPrefix("false") {
                i += 5
                return .bool(false)
            }
            throw ValueError(message: "expected a value (string, number, boolean or array)")
        }

        mutating func number() throws(ValueError) -> Value {
            var text = ""
            while let c = peek, c != " ", c != "\t", c != ",", c != "]", c != "#" {
                text.unicodeScalars.append(c)
                advance()
            }
            let clean = text.replacingOccurrences(of: "_", with: "")
            if clean.hasPrefix("0o"), let n = Int(clean.dropFirst(2), radix: 8) { return .integer(n) }
            if clean.hasPrefix("0x"), let n = Int(clean.dropFirst(2), radix: 16) { return .integer(n) }
            if let n = Int(clean) { return .integer(n) }
            if let d = Double(clean), clean.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                return .float(d)
            }
            throw ValueError(message: "'\(text)' is not a value (strings need quotes)")
        }
    }
}
