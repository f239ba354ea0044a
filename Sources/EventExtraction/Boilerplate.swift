import Foundation

/// Lines without events, from `boilerplate.tsv` (`kind<TAB>text`).
struct Boilerplate: Sendable {
    var sectionEnds: Set<String> = []
    var linePrefixes: [String] = [] {
        didSet { linePrefixBytes = linePrefixes.map { Array($0.utf8) } }
    }
    /// The UTF-8 of `linePrefixes`, compared with an ASCII line's start without `String` calls.
    private var linePrefixBytes: [[UInt8]] = []
    /// Prefixes that mark boilerplate only before a colon or a date: `Received: …`, `Accepted 3 May 2024`.
    var datedPrefixes: [String] = []
    var titleSkips: Set<String> = []
    /// A sentence starting with one of these is a site's prompt wherever it stands in its line.
    var sentencePrefixes: [String] = []
    /// A short line starting with one of these ("About ZRT", "About the author") heads a paragraph of
    /// company or author boilerplate.
    var blockHeadings: [String] = []
    /// Lower-case subjects such a heading may name after "the" ("About the author"); any other
    /// ("About the forum") heads a section of the article, not boilerplate.
    var blockSubjects: Set<String> = []

    init(_ file: DataFile) throws {
        for line in file.lines {
            let f = try file.fields(line, min: 2, max: 2, usage: "kind<TAB>text")
            let text = f[1].lowercased()
            switch f[0] {
            case "section-end": sectionEnds.insert(text)
            case "line-prefix": linePrefixes.append(text)
            case "dated-prefix": datedPrefixes.append(text)
            case "title-skip": titleSkips.insert(text)
            case "sentence-prefix": sentencePrefixes.append(text)
            case "block-heading": blockHeadings.append(text + " ")
            case "block-subject": blockSubjects.insert(text)
            default:
                throw file.error(
                    line,
                    "unknown kind '\(f[0])' (section-end, line-prefix, dated-prefix, title-skip, sentence-prefix, block-heading, block-subject)"
                )
            }
        }
        linePrefixBytes = linePrefixes.map { Array($0.utf8) }
    }

    /// `line` lower-cased with markup, numbering and trailing punctuation removed: `## 5. References:` → `references`.
    static func heading(_ line: Substring) -> String {
        // An ASCII line: each byte a character, a letter only A–Z and a–z; trimmed and lower-cased bytewise.
        if isASCII(line.utf8) {
            let bytes = Array(line.utf8)
            func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
            guard let first = bytes.firstIndex(where: isLetter), let last = bytes.lastIndex(where: isLetter) else {
                return ""
            }
            return String(decoding: bytes[first...last].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        let trimmed = line.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return String(trimmed).lowercased()
    }

    func endsBody(_ line: Substring) -> Bool {
        // Fewer than 60 characters; counted only when the bytes do not tell (an ASCII line has
        // as many characters as bytes).
        guard line.utf8.count < 60 || (!Self.isASCII(line.utf8) && line.count < 60) else { return false }
        return sectionEnds.contains(Boilerplate.heading(line))
    }

    /// - Parameter isMonth: whether a lower-case word names a month (for `dated-prefix` lines).
    func isBoilerplate(_ line: Substring, isMonth: (String) -> Bool = { _ in false }) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "_" || $0 == ">" || $0 == "#" }
        guard !rest.isEmpty else { return false }
        // Prefixes are short: lower-case only the start of the line. Most starts are ASCII (one
        // byte, one character): compared bytewise, with no grapheme breaking.
        let low: String
        let ascii: Bool
        if let head = Self.asciiLowercasedHead(rest, Self.longestPrefix) {
            (low, ascii) = (head, true)
        } else {
            (low, ascii) = (String(rest.prefix(Self.longestPrefix)).lowercased(), false)
        }
        let first = low.utf8.first
        func starts(_ p: String) -> Bool {
            ascii ? (p.isEmpty || p.utf8.first == first) && low.utf8.starts(with: p.utf8) : low.starts(with: p)
        }
        if ascii {
            let found = low.utf8.withContiguousStorageIfAvailable { bytes in
                linePrefixBytes.contains { p in
                    p.isEmpty || (p.count <= bytes.count && p[0] == bytes[0] && bytes.starts(with: p))
                }
            }
            if found ?? linePrefixes.contains(where: starts) { return true }
        } else if linePrefixes.contains(where: starts) {
            return true
        }
        for p in datedPrefixes where starts(p) {
            var after = low.dropFirst(p.count).drop { $0 == " " || $0 == "*" || $0 == "_" }
            if after.hasPrefix("on ") { after = after.dropFirst(3).drop { $0 == " " } }
            guard let c = after.first else { continue }
            if c == ":" || c.isNumber { return true }
            let word = after.prefix { $0.isLetter }
            if !word.isEmpty, isMonth(String(word)) { return true }
        }
        return false
    }

    /// "About ZRT", "ABOUT THE AUTHOR:", "About Harbin Rail Co., Ltd.": a heading, not a sentence,
    /// that opens a boilerplate paragraph. A full stop ends a heading only on an abbreviation.
    func headsBlock(_ line: Substring, abbreviations: Set<String> = []) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "_" || $0 == "#" }
        // Characters counted only when the bytes do not tell (an ASCII line has as many of each).
        guard
            rest.utf8.count <= Self.blockHeadingLength
                || (!Self.isASCII(rest.utf8) && rest.count <= Self.blockHeadingLength),
            let last = rest.last(where: { $0 != " " }), last != "!",
            last != "?"
        else { return false }
        if last == "." {
            let word = rest.reversed().drop { $0 == " " }.prefix { $0 != " " }.reversed()
            guard abbreviations.contains(String(word)) else { return false }
        }
        let low = rest.lowercased()
        guard let heading = blockHeadings.first(where: { low.starts(with: $0) }) else { return false }
        // "About the forum": a lower-case common noun after "the" is what the article is about.
        let after = rest.dropFirst(heading.count).drop { $0 == " " }
        guard after.lowercased().hasPrefix("the ") else { return true }
        let noun = after.dropFirst(4).prefix { $0.isLetter }
        return noun.first?.isUppercase == true || blockSubjects.contains(noun.lowercased())
    }

    static let blockHeadingLength = 70

    /// "Subscribe before 30 June and get …": a prompt, even after a body sentence on its line.
    func isPrompt(_ sentence: Substring) -> Bool {
        let low = String(sentence.drop { !$0.isLetter }.prefix(Self.longestPrefix)).lowercased()
        // A whole word: "Subscribe …", not "Subscribers …".
        return sentencePrefixes.contains { p in
            low.starts(with: p) && !(low.dropFirst(p.count).first?.isLetter ?? false)
        }
    }

    static let longestPrefix = 40

    static func isASCII(_ bytes: Substring.UTF8View) -> Bool {
        bytes.withContiguousStorageIfAvailable { b in b.allSatisfy { $0 < 0x80 } } ?? bytes.allSatisfy { $0 < 0x80 }
    }

    /// The first `n` characters of `s` lower-cased, when they and the character after them are
    /// ASCII (so that each is one byte, none joined by a mark after it), else `nil`.
    static func asciiLowercasedHead(_ s: Substring, _ n: Int) -> String? {
        let bytes = s.utf8
        var end = bytes.startIndex
        var k = 0
        while k <= n, end < bytes.endIndex {
            guard bytes[end] < 0x80 else { return nil }
            bytes.formIndex(after: &end)
            k += 1
        }
        let head = bytes.prefix(min(k, n))
        return String(unsafeUninitializedCapacity: head.count) { buffer in
            var i = 0
            for b in head {
                buffer[i] = b >= 65 && b <= 90 ? b + 32 : b
                i += 1
            }
            return i
        }
    }
}
