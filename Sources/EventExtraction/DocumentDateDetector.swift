import TimelineCore

/// Finds the document creation time near the top of an article: YAML front matter
/// `date:`, a byline (`By | 9 October 2021 | 4 Replies`, `Published: 12 March 2023`),
/// or a dateline (`Pyongyang, October 23 (KCNA)`).
struct DocumentDateDetector: Sendable {
    let tagger: TemporalTagger
    let cues: Cues

    /// Only this many non-empty lines from the top are read …
    static let maximumLines = 25
    /// … and only within this many code points.
    static let maximumOffset = 4000
    /// A byline is a short line.
    static let maximumBylineLength = 160
    /// A dateline's date is among a line's first words: of a longer line only this many code
    /// points (to the next space) are read, not the whole paragraph.
    static let datelineLength = 200

    struct Detection {
        let date: CivilDate
        let source: DCTSource
        /// The line that gave the date, which holds no events.
        let line: Range<Int>?
    }

    func detect(_ text: PreparedText, modified: CivilDate) -> Detection? {
        if let raw = text.frontMatter["date"], let d = Self.day(in: raw, tagger: tagger) {
            return Detection(date: d, source: .frontMatter, line: nil)
        }
        var dateline: Detection?
        var seen = 0
        for line in text.lines where line.lowerBound < Self.maximumOffset {
            var head = line
            if line.count > Self.maximumBylineLength {
                var e = min(line.lowerBound + Self.datelineLength, line.upperBound)
                while e < line.upperBound, !Tokenizer.isSpace(text.scalars[e]) { e += 1 }
                head = line.lowerBound..<e
            }
            let isByline = line.count <= Self.maximumBylineLength
            // A long line can only be a dateline: once one is found, or without the comma a
            // dateline's date comes after, it needs no tagging (most lines of an article).
            if !isByline, dateline != nil {
                guard head.contains(where: { !Tokenizer.isSpace(text.scalars[$0]) }) else { continue }
                seen += 1
                if seen > Self.maximumLines { break }
                continue
            }
            if !isByline {
                // The first five words are tokens enough to tell (a token never spans a space).
                let start = Tokenizer.tokenize(text.scalars, head.lowerBound..<Self.wordsEnd(text.scalars, head, 5))
                guard !start.isEmpty else { continue }
                if !Self.mayBeDateline(start) {
                    seen += 1
                    if seen > Self.maximumLines { break }
                    continue
                }
            }
            let tokens = Tokenizer.tokenize(text.scalars, head)
            guard !tokens.isEmpty else { continue }
            seen += 1
            if seen > Self.maximumLines { break }
            let mentions = tagger.tag(tokens)
            if isByline, let d = byline(tokens, mentions) {
                return Detection(date: d, source: .byline, line: line)
            }
            if dateline == nil, let d = self.dateline(tokens, mentions, modified: modified) {
                dateline = Detection(date: d, source: .dateline, line: line)
            }
        }
        return dateline
    }

    /// A day from a front matter value: `2024-05-26`, `2024-05-26T10:00:00Z`, `May 26, 2024`.
    static func day(in raw: String, tagger: TemporalTagger) -> CivilDate? {
        if raw.utf8.count >= 10, let d = CivilDate(String(raw.prefix(10))) { return d }
        let scalars = Array(raw.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars, 0..<scalars.count)
        for m in tagger.tag(tokens) {
            if case .calendar(let v) = m.reference, case .day(let d) = v.kind { return d }
        }
        return nil
    }

    /// A full date on a line that is a byline: separated by `|`, `·` or `•`, starting with a
    /// byline word, or holding little else than the date.
    private func byline(_ tokens: [Token], _ mentions: [TemporalMention]) -> CivilDate? {
        for m in mentions {
            guard case .calendar(let v) = m.reference, case .day(let d) = v.kind else { continue }
            let separated = tokens.contains { $0.kind == .punct && ["|", "\u{00B7}", "\u{2022}"].contains($0.text) }
            let keyword = cues.occurs(.byline, in: tokens, 0..<min(2, tokens.count))
            let otherWords = tokens.indices.filter { ($0 < m.first || $0 >= m.end) && tokens[$0].kind == .word }.count
            if separated || (keyword && m.first <= 4 && otherWords <= 6) || otherWords <= 2 { return d }
        }
        return nil
    }

    /// Whether `dateline(_:_:modified:)` can find anything in `tokens`: a comma right before
    /// a date that starts at the second to sixth token.
    static func mayBeDateline(_ tokens: [Token]) -> Bool {
        tokens.indices.dropFirst().prefix(4).contains { tokens[$0].text == "," }
    }

    /// Where the `n`th run of non-space code points in `scalars[range]` ends (or the range does).
    static func wordsEnd(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ n: Int) -> Int {
        var k = range.lowerBound
        var words = 0
        while k < range.upperBound {
            while k < range.upperBound, Tokenizer.isSpace(scalars[k]) { k += 1 }
            guard k < range.upperBound else { break }
            while k < range.upperBound, !Tokenizer.isSpace(scalars[k]) { k += 1 }
            words += 1
            if words == n { break }
        }
        return k
    }

    /// `PLACE, Month Day (AGENCY)` or `PLACE, Month Day, Year —` at the start of a line.
    private func dateline(_ tokens: [Token], _ mentions: [TemporalMention], modified: CivilDate) -> CivilDate? {
        guard let m = mentions.first, m.first >= 2, m.first <= 5, tokens[m.first - 1].text == ",",
            tokens[0..<(m.first - 1)].allSatisfy({ $0.isCapitalized || $0.kind == .punct && $0.text != "," }),
            m.end < tokens.count
        else { return nil }
        let after = tokens[m.end]
        guard after.text == "(" || PatternContext.dashes.contains(after.text) || after.text == "/" else { return nil }
        switch m.reference {
        case .calendar(let v):
            if case .day(let d) = v.kind { return d }
        case .monthDay(let month, let day):
            // The year of the file's date, or the year before if that day would be later.
            if let d = CivilDate(year: modified.year, month: month, day: day) {
                return d > modified ? CivilDate(year: modified.year - 1, month: month, day: day) : d
            }
        default:
            break
        }
        return nil
    }
}
