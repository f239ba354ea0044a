import Foundation

/// An article's text as the extractor reads it: code points (Markdown markup
/// blanked, same offsets as the file), YAML front matter, lines, and where the body ends.
struct PreparedText {
    /// The original code points: `text` of `ArticleText`.
    let original: [Unicode.Scalar]
    /// The code points with markup and front matter blanked by spaces.
    var scalars: [Unicode.Scalar]
    /// `title:` and `date:` from YAML front matter.
    var frontMatter: [String: String] = [:]
    /// Where the text after the front matter starts.
    var bodyStart = 0
    /// Line ranges (without the line break), of the blanked text.
    var lines: [Range<Int>] = []

    init(_ article: ArticleText) {
        original = Self.scalars(of: article.text)
        scalars = original
        if article.format == .markdown {
            readFrontMatter()
            MarkdownMask.apply(&scalars, from: bodyStart)
        }
        var start = 0
        for (k, c) in scalars.enumerated() where c == "\n" {
            lines.append(start..<(k > start && scalars[k - 1] == "\r" ? k - 1 : k))
            start = k + 1
        }
        if start < scalars.count { lines.append(start..<scalars.count) }
    }

    /// Blanks every URL (`http://`, `https://`, `www.`) by spaces, keeping offsets: a link inside a
    /// sentence is neither a date nor a word of it. Punctuation right after a URL stays.
    mutating func blankURLs() {
        let starts = ["http://", "https://", "www."].map { Array($0.unicodeScalars) }
        func isEnd(_ c: Unicode.Scalar) -> Bool {
            c.properties.isWhitespace || "()[]<>\"\u{201C}\u{201D}".unicodeScalars.contains(c)
        }
        var k = 0
        while k < scalars.count {
            // Every URL start begins with h or w: most code points are passed over here.
            let v = scalars[k].value | 0x20
            // … and the next is `t` of `http` or `w` of `www.`.
            guard v == 0x68 || v == 0x77, k + 1 < scalars.count,
                Self.asciiLower(scalars[k + 1]).value == (v == 0x68 ? 0x74 : 0x77)
            else {
                k += 1
                continue
            }
            let atWordStart = k == 0 || isEnd(scalars[k - 1])
            guard atWordStart,
                starts.contains(where: { p in
                    k + p.count <= scalars.count
                        && zip(p, scalars[k..<(k + p.count)]).allSatisfy { $0 == Self.asciiLower($1) }
                })
            else {
                k += 1
                continue
            }
            var e = k
            while e < scalars.count, !isEnd(scalars[e]) { e += 1 }
            while e > k, ".,;:!?".unicodeScalars.contains(scalars[e - 1]) { e -= 1 }
            for j in k..<e { scalars[j] = " " }
            k = max(e, k + 1)
        }
    }

    /// `Array(text.unicodeScalars)`, decoded straight from the UTF-8 bytes in one pass (the
    /// generic path counts the scalars first, then copies them one by one).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(Unicode.Scalar(b))
                    i += 1
                    continue
                }
                // A String's bytes are valid UTF-8: a lead byte and its continuation bytes.
                let n = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                var v = UInt32(b) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
                for k in 1..<n { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                i += n
            }
            return out
        }
    }

    static func asciiLower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 65 && c.value <= 90 ? Unicode.Scalar(c.value + 32)! : c
    }

    func string(_ r: Range<Int>) -> String { String(scalars: scalars[r]) }

    func originalString(_ r: Range<Int>) -> String { String(scalars: original[r]) }

    /// `---` on the first line, `key: value` lines, `---` or `...`: read and blanked.
    private mutating func readFrontMatter() {
        let s = scalars
        func lineAt(_ k: Int) -> (String, Int) {
            var e = k
            while e < s.count, s[e] != "\n" { e += 1 }
            return (String(scalars: s[k..<e]).trimmingSuffixCR, e)
        }
        let (first, firstEnd) = lineAt(0)
        guard first == "---" else { return }
        var k = firstEnd + 1
        var fields: [String: String] = [:]
        while k < s.count {
            let (line, e) = lineAt(k)
            if line == "---" || line == "..." {
                frontMatter = fields
                bodyStart = min(e + 1, s.count)
                for j in 0..<e where scalars[j] != "\n" { scalars[j] = " " }
                return
            }
            if let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") {
                let key = line[..<colon].lowercased()
                var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
                    value = String(value.dropFirst().dropLast())
                }
                fields[key] = value
            }
            k = e + 1
        }
        // No closing line: not front matter.
    }
}

extension String {
    var trimmingSuffixCR: String { hasSuffix("\r") ? String(dropLast()) : self }
}
