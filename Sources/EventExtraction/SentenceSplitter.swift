/// Splits text into sentences by code-point ranges.
///
/// A sentence ends at `.`, `!`, `?` (with closing quotes or brackets after it) when
/// the next word does not start in lower case and the word before the full stop is
/// not an abbreviation or an initial; at `。！？` always; and at a line break, unless
/// the next line continues in lower case (a wrapped line) or the line is a long
/// line broken without punctuation (hard-wrapped prose). Headlines and list items,
/// which have no full stop, are therefore sentences of their own.
struct SentenceSplitter: Sendable {
    let abbreviations: Set<String>
    /// `a.m.`, `p.m.`: not an end when one of `dateWords` (lower-case) follows.
    var clockAbbreviations: Set<String> = []
    var dateWords: Set<String> = []

    /// A line at least this long that ends without punctuation, followed by a single
    /// line break, is hard-wrapped prose rather than a headline.
    static let wrappedLineLength = 60

    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{00BB}", "*", "_"]
    static let terminals: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]
    static let cjkTerminals: Set<Unicode.Scalar> = ["\u{3002}", "\u{FF01}", "\u{FF1F}"]

    func split(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start: Int? = nil
        var lineStart = range.lowerBound
        func close(_ end: Int) {
            guard let st = start else { return }
            var e = end
            while e > st, Tokenizer.isSpace(s[e - 1]) { e -= 1 }
            if e > st { sentences.append(st..<e) }
            start = nil
        }
        var i = range.lowerBound
        while i < range.upperBound {
            let c = s[i]
            if c == "\n" {
                // Where does the next text start, and did a blank line come between?
                var j = i + 1
                var breaks = 1
                while j < range.upperBound, Tokenizer.isSpace(s[j]) {
                    if s[j] == "\n" { breaks += 1 }
                    j += 1
                }
                if start != nil,
                    !continues(s, lineStart: lineStart, lineEnd: i, next: j, breaks: breaks, limit: range.upperBound)
                {
                    close(i)
                }
                // Skip the blank lines: the next line is the one holding `j`.
                var k = j
                while k > i + 1, s[k - 1] != "\n" { k -= 1 }
                lineStart = k
                i = j
                continue
            }
            if start == nil {
                if Tokenizer.isSpace(c) {
                    i += 1
                    continue
                }
                start = i
            }
            // Most code points are ASCII letters, digits and spaces: pass them without the set lookups.
            if c.value < 0x80, c != ".", c != "!", c != "?" {
                i += 1
                continue
            }
            if Self.cjkTerminals.contains(c) {
                var e = i + 1
                while e < range.upperBound, Self.closers.contains(s[e]) || s[e] == "\u{300D}" || s[e] == "\u{300F}" {
                    e += 1
                }
                close(e)
                i = e
                continue
            }
            if Self.terminals.contains(c) {
                var e = i + 1
                while e < range.upperBound, Self.terminals.contains(s[e]) { e += 1 }
                while e < range.upperBound, Self.closers.contains(s[e]) { e += 1 }
                if endsSentence(s, at: i, after: e, lineStart: lineStart, limit: range.upperBound) {
                    close(e)
                }
                i = e
                continue
            }
            i += 1
        }
        close(range.upperBound)
        return sentences
    }

    /// Whether the text after a line break continues the sentence.
    private func continues(
        _ s: [Unicode.Scalar],
        lineStart: Int,
        lineEnd: Int,
        next: Int,
        breaks: Int,
        limit: Int
    ) -> Bool {
        guard next < limit else { return false }
        var p = lineEnd
        while p > lineStart, Tokenizer.isSpace(s[p - 1]) { p -= 1 }
        guard p > lineStart else { return false }
        let last = s[p - 1]
        if Self.terminals.contains(last) || Self.cjkTerminals.contains(last) || last == ":" { return false }
        let n = s[next]
        if n.properties.isLowercase { return true }
        // Hard-wrapped prose: a long line, one line break, text going on.
        if breaks == 1, p - lineStart >= Self.wrappedLineLength, Tokenizer.isLetter(last) || last == ",",
            Tokenizer.isLetter(n) || Tokenizer.isDigit(n)
        {
            return true
        }
        return false
    }

    /// Whether the terminal at `i` (with closers up to `after`) ends a sentence.
    private func endsSentence(_ s: [Unicode.Scalar], at i: Int, after: Int, lineStart: Int, limit: Int) -> Bool {
        // What follows: end of text, or a space and then a word that may start a sentence.
        guard after < limit else { return true }
        guard Tokenizer.isSpace(s[after]) else { return false }
        var n = after
        while n < limit, Tokenizer.isSpace(s[n]) { n += 1 }
        guard n < limit else { return true }
        let next = s[n]
        if next.properties.isLowercase { return false }
        guard s[i] == "." else { return true }
        // The word before the full stop, from the previous space.
        var w = i
        while w > lineStart, !Tokenizer.isSpace(s[w - 1]) { w -= 1 }
        while w < i, "(\"'\u{201C}\u{2018}[".unicodeScalars.contains(s[w]) { w += 1 }
        let word = String(scalars: s[w...i])
        if abbreviations.contains(word) { return false }
        if clockAbbreviations.contains(word) {
            var e = n
            while e < limit, Tokenizer.isLetter(s[e]) { e += 1 }
            if dateWords.contains(String(lowercasing: s[n..<e])) { return false }
        }
        let letters = word.unicodeScalars.filter { $0 != "." }
        // Initials: "V." or "V.L." before a capitalised name.
        if !letters.isEmpty, letters.count <= 3, letters.allSatisfy({ $0.properties.isUppercase }),
            word.unicodeScalars.count == letters.count * 2, next.properties.isUppercase
        {
            return false
        }
        // A list number at the start of a line: "1. Author".
        if w == lineStart || s[lineStart..<w].allSatisfy(Tokenizer.isSpace), !letters.isEmpty,
            letters.allSatisfy(Tokenizer.isDigit), letters.count <= 3
        {
            return false
        }
        return true
    }
}
