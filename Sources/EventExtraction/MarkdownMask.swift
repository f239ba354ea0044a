/// Blanks Markdown markup with spaces so that code-point offsets stay those of the file:
/// heading marks, emphasis, inline code ticks, link brackets and URLs, images, HTML tags,
/// block quotes and list bullets. Line breaks are kept.
enum MarkdownMask {
    static func apply(_ s: inout [Unicode.Scalar], from start: Int) {
        var i = start
        var lineStart = true
        var inFence = false
        func blank(_ a: Int, _ b: Int) {
            for k in a..<min(b, s.count) where s[k] != "\n" { s[k] = " " }
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                lineStart = true
                i += 1
                continue
            }
            if lineStart {
                lineStart = false
                // Indentation, then block markers.
                var k = i
                while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
                if k + 2 < s.count,
                    s[k] == "`" && s[k + 1] == "`" && s[k + 2] == "`"
                        || s[k] == "~" && s[k + 1] == "~" && s[k + 2] == "~"
                {
                    inFence.toggle()
                    let e = lineEnd(s, k)
                    blank(k, e)
                    i = e
                    continue
                }
                if inFence {
                    let e = lineEnd(s, k)
                    blank(k, e)
                    i = e
                    continue
                }
                while k < s.count, s[k] == ">" {
                    s[k] = " "
                    k += 1
                    while k < s.count, s[k] == " " { k += 1 }
                }
                var h = k
                while h < s.count, s[h] == "#" { h += 1 }
                if h > k, h - k <= 6, h == s.count || s[h] == " " || s[h] == "\n" {
                    blank(k, h)
                    k = h
                } else if k + 1 < s.count, s[k] == "-" || s[k] == "*" || s[k] == "+", s[k + 1] == " " {
                    s[k] = " "
                    k += 1
                }
                // Reference-style link definitions: [id]: url
                if k < s.count, s[k] == "[", let close = find(s, "]", from: k, limit: lineEnd(s, k)),
                    close + 1 < s.count,
                    s[close + 1] == ":"
                {
                    let e = lineEnd(s, k)
                    blank(k, e)
                    i = e
                    continue
                }
                // Horizontal rules: a line of only -, *, _ (three or more).
                let e = lineEnd(s, k)
                if e - k >= 3, s[k..<e].allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }) {
                    blank(k, e)
                    i = e
                    continue
                }
                i = k
                continue
            }
            switch c {
            case "*", "`":
                s[i] = " "
            case "_":
                // Only emphasis marks at word edges, not snake_case.
                let before = i > 0 ? s[i - 1] : " "
                let after = i + 1 < s.count ? s[i + 1] : " "
                if !(Tokenizer.isLetter(before) || Tokenizer.isDigit(before))
                    || !(Tokenizer.isLetter(after) || Tokenizer.isDigit(after))
                {
                    s[i] = " "
                }
            case "\\":
                if i + 1 < s.count, "*_`#[]()!\\<>".unicodeScalars.contains(s[i + 1]) {
                    s[i] = " "
                    i += 1
                }
            case "!" where i + 1 < s.count && s[i + 1] == "[":
                // An image: blank it all, alt text included (it is a caption, not body text).
                if let close = find(s, "]", from: i + 1, limit: lineEnd(s, i)), close + 1 < s.count,
                    s[close + 1] == "(",
                    let paren = find(s, ")", from: close + 1, limit: lineEnd(s, i))
                {
                    blank(i, paren + 1)
                    i = paren
                }
            case "[":
                if let close = find(s, "]", from: i, limit: lineEnd(s, i)), close + 1 < s.count, s[close + 1] == "(",
                    let paren = find(s, ")", from: close + 1, limit: lineEnd(s, i))
                {
                    s[i] = " "
                    blank(close, paren + 1)
                }
            case "<":
                // HTML tags and autolinks.
                if let close = find(s, ">", from: i, limit: lineEnd(s, i)), close > i + 1,
                    Tokenizer.isLetter(s[i + 1]) || s[i + 1] == "/" || s[i + 1] == "!"
                {
                    blank(i, close + 1)
                    i = close
                }
            default:
                break
            }
            i += 1
        }
    }

    static func lineEnd(_ s: [Unicode.Scalar], _ from: Int) -> Int {
        var k = from
        while k < s.count, s[k] != "\n" { k += 1 }
        return k
    }

    static func find(_ s: [Unicode.Scalar], _ c: Unicode.Scalar, from: Int, limit: Int) -> Int? {
        var k = from + 1
        while k < limit {
            if s[k] == c { return k }
            k += 1
        }
        return nil
    }
}
