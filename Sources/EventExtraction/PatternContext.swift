/// Token tests shared by the temporal patterns.
struct PatternContext {
    let tokens: [Token]
    let lexicon: DateLexicon

    static let dashes: Set<String> = ["-", "\u{2013}", "\u{2014}", "\u{2012}", "\u{2010}", "\u{2011}"]
    static let currency: Set<String> = ["$", "\u{00A5}", "\u{20AC}", "\u{00A3}", "\u{20BD}", "#", "\u{2116}"]

    func t(_ i: Int) -> Token? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    /// Tokens `i` and `i + 1` touch (no space between).
    func touching(_ i: Int) -> Bool {
        guard let a = t(i), let b = t(i + 1) else { return false }
        return a.end == b.start
    }

    func word(_ i: Int, _ w: String) -> Bool { t(i)?.lower == w }
    func word(_ i: Int, in set: Set<String>) -> Bool { t(i).map { set.contains($0.lower) } ?? false }
    func isDash(_ i: Int) -> Bool { t(i).map { $0.kind == .punct && Self.dashes.contains($0.text) } ?? false }

    /// A month name or abbreviation (with its full stop): `(month, tokens used)`.
    func month(_ i: Int) -> (Int, Int)? {
        guard let tok = t(i), let m = lexicon.month(tok) else { return nil }
        if word(i + 1, "."), touching(i), !lexicon.fullMonthNames.contains(tok.lower) { return (m, 2) }
        return (m, 1)
    }

    /// A day of the month, 1–31, with an ordinal suffix if any (`17`, `17th`).
    func day(_ i: Int) -> (Int, Int)? {
        guard let tok = t(i), tok.kind == .number, tok.digitCount <= 2, let d = tok.number, (1...31).contains(d) else {
            return nil
        }
        if let s = t(i + 1), touching(i), ["st", "nd", "rd", "th"].contains(s.lower) { return (d, 2) }
        return (d, 1)
    }

    /// A month number 1–12 written with digits.
    func monthNumber(_ i: Int) -> Int? {
        guard let tok = t(i), tok.kind == .number, tok.digitCount <= 2, let m = tok.number, (1...12).contains(m) else {
            return nil
        }
        return m
    }

    /// A four-digit year, 1000–2199, that is not part of a larger number, an amount
    /// or a quantity (`1,000`, `$2000`, `2000 tons`). Includes a following year
    /// marker (`2017 г.`): `(year, tokens used)`.
    func year(_ i: Int) -> (Int, Int)? {
        guard let tok = t(i), tok.kind == .number, tok.digitCount == 4, let y = tok.number, (1000...2199).contains(y)
        else { return nil }
        // Part of a number: "1,2000", "3.2000", "2000.5", "2000,5".
        if let p = t(i - 1), p.kind == .punct, [",", "."].contains(p.text), touching(i - 1), t(i - 2)?.kind == .number,
            touching(i - 2)
        {
            return nil
        }
        if let n = t(i + 1), n.kind == .punct, [",", "."].contains(n.text), touching(i), t(i + 2)?.kind == .number,
            touching(i + 1)
        {
            return nil
        }
        if let p = t(i - 1), p.kind == .punct, Self.currency.contains(p.text) { return nil }
        if let n = t(i + 1) {
            if n.text == "%" { return nil }
            if n.kind == .word, lexicon.quantityUnits.contains(n.lower) { return nil }
        }
        if let n = t(i + 1), lexicon.yearMarkers.contains(n.lower) {
            return word(i + 2, ".") && touching(i + 1) ? (y, 3) : (y, 2)
        }
        return (y, 1)
    }

    /// A count written as digits or a number word (`5`, `five`, `twenty-five`).
    func count(_ i: Int) -> (Int, Int)? {
        guard let tok = t(i) else { return nil }
        if tok.kind == .number, tok.digitCount <= 4, let n = tok.number { return (n, 1) }
        guard tok.kind == .word, let n = lexicon.numbers[tok.lower] else { return nil }
        if n >= 20, n < 100, isDash(i + 1), let u = t(i + 2), let m = lexicon.numbers[u.lower], m < 10, m > 0 {
            return (n + m, 3)
        }
        return (n, 1)
    }

    /// An ordinal: `first`, `1st`, `3rd`.
    func ordinal(_ i: Int) -> (Int, Int)? {
        guard let tok = t(i) else { return nil }
        if tok.kind == .word, let n = lexicon.ordinals[tok.lower] { return (n, 1) }
        if tok.kind == .number, let n = tok.number, let s = t(i + 1), touching(i),
            ["st", "nd", "rd", "th"].contains(s.lower)
        {
            return (n, 2)
        }
        return nil
    }

    /// last/this/next: `(offset, tokens used)`; `this past` counts as this.
    func relative(_ i: Int) -> (Int, Int)? {
        guard let tok = t(i), let r = lexicon.relative[tok.lower] else { return nil }
        if r == 0, let n = t(i + 1), lexicon.relative[n.lower] == -1, n.lower == "past" { return (0, 2) }
        return (r, 1)
    }

    func unit(_ i: Int) -> String? { t(i).flatMap { lexicon.units[$0.lower] } }
}
