import Foundation
import TimelineCore

/// Extracts the title, document date, temporal expressions and dated events of an article.
///
/// Pure: no I/O, no shared state; safe to call from many tasks at once.
public struct Extractor: Sendable {
    let resources: ExtractionResources
    let tagger: TemporalTagger
    let splitter: SentenceSplitter
    let classifier: EventClassifier
    let dateDetector: DocumentDateDetector

    /// A title is a line of at most this many characters.
    static let maximumTitleLength = 200
    /// A reference-section heading counts only after this share of the text.
    static let referenceSectionStart = 0.3

    public init(resources: ExtractionResources) {
        self.resources = resources
        tagger = TemporalTagger(lexicon: resources.dates)
        let d = resources.dates
        splitter = SentenceSplitter(
            abbreviations: resources.abbreviations,
            clockAbbreviations: resources.clockAbbreviations,
            dateWords: Set(d.months.keys).union(d.weekdays.keys).union(d.timeZones)
        )
        classifier = EventClassifier(
            triggers: resources.triggers,
            cues: resources.cues,
            ordinals: Set(resources.dates.ordinals.keys)
        )
        dateDetector = DocumentDateDetector(tagger: tagger, cues: resources.cues)
    }

    /// Extracts from one article.
    /// - Parameters:
    ///   - article: the decoded file.
    ///   - dctOverride: the document date to use, if known; it wins over anything detected.
    ///   - modified: the file's modification day, the document date of last resort.
    public func extract(_ article: ArticleText, dctOverride: CivilDate?, modified: CivilDate) -> ExtractionResult {
        var text = PreparedText(article)
        let detected = dateDetector.detect(text, modified: modified)
        let dct: CivilDate
        let source: DCTSource
        if let dctOverride {
            (dct, source) = (dctOverride, .override)
        } else if let metadata = article.documentDate, text.frontMatter["date"] == nil {
            (dct, source) = (metadata, .metadata)
        } else if let detected {
            (dct, source) = (detected.date, detected.source)
        } else {
            (dct, source) = (modified, .modificationTime)
        }

        // A byline holds no events; a dateline opens the lead paragraph, whose sentences do (its own
        // date is set aside by `isDateline`).
        var excluded = excludedLines(text, dateLine: detected?.source == .byline ? detected?.line : nil)
        if let bodyEnd = article.bodyEnd {
            for (k, line) in text.lines.enumerated() where line.lowerBound >= bodyEnd { excluded[k] = true }
        }
        text.blankURLs()
        var timexes: [Timex] = []
        var candidates: [MergeCandidate] = []
        var anaphora = Anaphora()
        var lineIndex = 0

        for sentence in splitter.split(text.scalars, text.bodyStart..<text.scalars.count) {
            let tokens = Tokenizer.tokenize(text.scalars, sentence)
            let mentions = tagger.tag(tokens)
            guard !mentions.isEmpty else { continue }
            var dated: [EventClassifier.DatedMention] = []
            for m in mentions {
                let (timex, calendar) = timex(m, tokens, text, dct: dct, anaphora: &anaphora)
                timexes.append(timex)
                if let calendar { dated.append(.init(mention: m, value: calendar)) }
            }
            while lineIndex + 1 < text.lines.count, text.lines[lineIndex].upperBound < sentence.lowerBound {
                lineIndex += 1
            }
            if excluded[lineIndex] || dated.isEmpty { continue }
            let found = classifier.classify(tokens, dates: dated, allMentions: mentions, dct: dct)
            guard !found.isEmpty, !resources.boilerplate.isPrompt(text.string(sentence)[...]) else { continue }
            let (places, orgs) = resources.gazetteer.find(in: tokens)
            let evidence = Self.normalizedWhitespace(text.scalars[sentence])
            var inMention = [Bool](repeating: false, count: tokens.count)
            for m in mentions { for k in m.first..<m.end { inMention[k] = true } }
            for c in found {
                var content: Set<String> = []
                for (k, t) in tokens.enumerated()
                where t.kind == .word && !inMention[k] && !c.triggerTokens.contains(k)
                    && t.lower.unicodeScalars.count >= Self.minimumContentLength
                    && !resources.cues.contains(.functionWord, t.lower)
                {
                    content.insert(Stemmer.stem(t.lower))
                }
                candidates.append(
                    MergeCandidate(
                        event: ExtractedEvent(
                            type: c.type,
                            date: c.date,
                            evidence: evidence,
                            places: places,
                            organizations: orgs,
                            sentenceStart: sentence.lowerBound
                        ),
                        family: c.family,
                        content: content
                    )
                )
            }
        }
        return ExtractionResult(
            title: article.title ?? title(text),
            dct: dct,
            dctSource: source,
            timexes: timexes,
            events: Self.merge(candidates)
        )
    }

    /// How many tokens around a date are read for tense cues.
    static let tenseWindow = 8

    /// An event before merging, with what tells whether two mentions are one happening.
    struct MergeCandidate {
        let event: ExtractedEvent
        /// The trigger's family (`met` and `meeting`: `meet`).
        let family: String
        /// Stems of the sentence's content words, minus the trigger and dates.
        let content: Set<String>
    }

    /// Words shorter than this are not content words for merging.
    static let minimumContentLength = 3

    /// One happening mentioned twice: the same type and trigger family, one date inside the other
    /// (or equal), and a shared place or organisation; or, when one names none, a shared content word.
    /// The less precise (or the later) mention goes.
    static func merge(_ candidates: [MergeCandidate]) -> [ExtractedEvent] {
        // Only mentions of one type and family, the other's interval inside this one's, can merge:
        // bucket by type and family and sort by start, so an article with very many dated
        // sentences costs n log n plus the pairs that really overlap, not n².
        struct Bucket: Hashable {
            let type: EventType
            let family: String
        }
        // Worked out once per mention, not once per pair.
        let intervals = candidates.map(\.event.date.interval)
        let entities = candidates.map { Set($0.event.places + $0.event.organizations) }
        var buckets: [Bucket: [Int]] = [:]
        for (i, c) in candidates.enumerated() {
            buckets[Bucket(type: c.event.type, family: c.family), default: []].append(i)
        }
        for key in buckets.keys {
            buckets[key]!.sort { intervals[$0].start < intervals[$1].start }
        }
        var keep = [Bool](repeating: true, count: candidates.count)
        for (i, a) in candidates.enumerated() {
            let ea = a.event
            // Targets of one year are usually different targets ("by 2027, trade will …",
            // "the railway is to be completed by 2027"): a bare "by" never merges.
            guard a.family != "by", let bucket = buckets[Bucket(type: ea.type, family: a.family)], bucket.count > 1
            else { continue }
            let ia = intervals[i]
            // The first member starting no earlier than `a`.
            var lo = 0
            var hi = bucket.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if intervals[bucket[mid]].start < ia.start { lo = mid + 1 } else { hi = mid }
            }
            var k = lo
            while k < bucket.count {
                let j = bucket[k]
                k += 1
                let eb = candidates[j].event
                let ib = intervals[j]
                if ib.start > ia.end { break }
                guard j != i, keep[j], ib.end <= ia.end,
                    ea.date.precision > eb.date.precision || (ea.date == eb.date && j < i)
                else { continue }
                let related =
                    !entities[i].isDisjoint(with: entities[j])
                    || ((entities[i].isEmpty || entities[j].isEmpty)
                        && !a.content.isDisjoint(with: candidates[j].content))
                if related {
                    keep[i] = false
                    break
                }
            }
        }
        return candidates.indices.filter { keep[$0] }.map { candidates[$0].event }
    }

    /// Lines that hold no events: the byline or dateline, credits and site boilerplate,
    /// citation-like lines, and everything from a reference-section heading on.
    func excludedLines(_ text: PreparedText, dateLine: Range<Int>?) -> [Bool] {
        var excluded = [Bool](repeating: false, count: max(text.lines.count, 1))
        let minimumReferenceOffset = Int(Double(text.scalars.count) * Self.referenceSectionStart)
        var referenceSection = false
        // After an "About …" heading, its paragraph (one line in text or HTML) is boilerplate too,
        // and the line after a short name line ("Colin Zwirko", then the bio).
        var aboutLines = 0
        var firstAfterHeading = false
        // Made once: a closure reading `resources` in the loop would copy the extractor per line.
        let months = resources.dates.months
        let isMonth: (String) -> Bool = { months[$0] != nil }
        for (k, line) in text.lines.enumerated() {
            // Most lines are long ASCII paragraphs: no heading, no section end, boilerplate only by
            // their start, a citation only with a mark in them. They are decided on the code points,
            // with no String of the whole line.
            if let fast = longASCIILine(text, line) {
                var about = false
                if aboutLines > 0 {
                    // As below: a long line is never a name line, and it is not blank.
                    (about, aboutLines, firstAfterHeading) = (true, aboutLines - 1, false)
                }
                excluded[k] =
                    about || referenceSection || line == dateLine
                    || resources.boilerplate.isBoilerplate(Substring(fast.head), isMonth: isMonth)
                    || (fast.marked && Self.looksLikeCitation(Substring(text.string(line))))
                continue
            }
            let s = Substring(text.string(line))
            if !referenceSection, line.lowerBound >= minimumReferenceOffset, resources.boilerplate.endsBody(s) {
                referenceSection = true
            }
            var about = false
            if resources.boilerplate.headsBlock(s, abbreviations: resources.abbreviations) {
                (about, aboutLines, firstAfterHeading) = (true, 1, true)
            } else if aboutLines > 0 {
                about = true
                if !s.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    let nameLine = s.count <= Self.nameLineLength && !s.contains(".")
                    if !(firstAfterHeading && nameLine) { aboutLines -= 1 }
                    firstAfterHeading = false
                }
            }
            excluded[k] =
                about || referenceSection || line == dateLine
                || resources.boilerplate.isBoilerplate(s, isMonth: isMonth)
                || Self.looksLikeCitation(s)
        }
        return excluded
    }

    /// For an ASCII line too long to be a heading, a section end or a name line (more than
    /// `Boilerplate.blockHeadingLength` code points after its leading markup): the start of the
    /// line that `Boilerplate.isBoilerplate` reads, and whether a citation or URL mark occurs in it.
    /// `nil` for any other line, which is read as a String.
    func longASCIILine(_ text: PreparedText, _ line: Range<Int>) -> (head: String, marked: Bool)? {
        guard line.count > Boilerplate.blockHeadingLength else { return nil }
        return text.scalars.withUnsafeBufferPointer { all -> (head: String, marked: Bool)? in
            let s = UnsafeBufferPointer(rebasing: all[line])
            for c in s where c.value >= 0x80 { return nil }
            // The markup `headsBlock` drops before a heading, and the markup `isBoilerplate` drops.
            var heading = 0
            while heading < s.count, Self.isHeadingMarkup(s[heading]) { heading += 1 }
            guard s.count - heading > Boilerplate.blockHeadingLength else { return nil }
            var start = 0
            while start < s.count, Self.isHeadingMarkup(s[start]) || s[start] == ">" { start += 1 }
            // `isBoilerplate` reads `longestPrefix` characters and the one after them.
            let end = min(s.count, start + Boilerplate.longestPrefix + 1)
            let head = text.string(line.lowerBound..<(line.lowerBound + end))
            return (head, Self.citationMarks.occurs(inASCII: s) || Self.urlMarks.occurs(inASCII: s))
        }
    }

    /// What `Boilerplate.headsBlock` drops before a heading: ` \t*_#`.
    @inline(__always) static func isHeadingMarkup(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "*" || c == "_" || c == "#"
    }

    /// A line this short without a full stop, right after an "About" heading, is a name.
    static let nameLineLength = 60

    /// Marks that make a line a reference wherever they stand.
    static let citationMarks = ASCIINeedles([
        "doi.org", "doi:", "(accessed", " pp. ", "available at", "retrieved from", "retrieved on",
    ])
    static let urlMarks = ASCIINeedles(["http://", "https://", "www."])

    /// A reference, not body text: a line with a DOI, page range, access date, "Available at" or
    /// "Retrieved from"; a numbered line (`12.`, `[3]`, `4)`) with a URL; or a line that is mostly a URL.
    /// A URL in a body sentence does not exclude the line (the URL itself is blanked).
    static func looksLikeCitation(_ line: Substring) -> Bool {
        let marks =
            line.utf8.withContiguousStorageIfAvailable { bytes in
                citationMarks.occurs(in: bytes) ? 2 : urlMarks.occurs(in: bytes) ? 1 : 0
            }
            ?? Array(line.utf8).withUnsafeBufferPointer { bytes in
                citationMarks.occurs(in: bytes) ? 2 : urlMarks.occurs(in: bytes) ? 1 : 0
            }
        if marks == 2 { return true }
        guard marks == 1 else { return false }
        let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "-" || $0 == ">" }
        if let first = trimmed.first, first.isNumber || first == "[" {
            let digits = trimmed.drop { $0 == "[" }.prefix { $0.isNumber }
            let after = trimmed.drop { $0 == "[" }.dropFirst(digits.count).first
            if !digits.isEmpty, let after, ".)]".contains(after) { return true }
        }
        // Mostly URL: the URL words hold at least half the line's non-space characters.
        var urlChars = 0
        var allChars = 0
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            allChars += word.count
            if Array(word.utf8).withUnsafeBufferPointer({ urlMarks.occurs(in: $0) }) {
                urlChars += word.count
            }
        }
        return urlChars * 2 >= allChars
    }

    /// Lower-case ASCII strings looked for in text with ASCII case folding, in one pass: only
    /// positions whose byte starts some needle are compared, and only with the needles it starts
    /// (every line of every article is searched).
    struct ASCIINeedles: Sendable {
        /// For each lower-case ASCII byte, the needles starting with it.
        private let byFirst: [[[UInt8]]]
        /// A bit per pair of raw bytes (`first << 8 | second`, either case of a letter) that
        /// starts some needle: one table read per position passes over the bytes that start none.
        private let firstTwo: [UInt64]

        init(_ needles: [String]) {
            var table = [[[UInt8]]](repeating: [], count: 128)
            var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
            // The raw bytes that fold to a lower-case needle byte `b` (none for an upper-case one,
            // which no folded byte equals).
            func cases(_ b: UInt8) -> [UInt8] { b >= 97 && b <= 122 ? [b, b - 32] : b >= 65 && b <= 90 ? [] : [b] }
            for n in needles {
                let bytes = Array(n.utf8)
                precondition(bytes.count >= 2 && bytes.allSatisfy { $0 < 128 }, "needles are ASCII, two bytes or more")
                table[Int(bytes[0])].append(bytes)
                for a in cases(bytes[0]) {
                    for b in cases(bytes[1]) {
                        let k = Int(a) << 8 | Int(b)
                        pairs[k >> 6] |= 1 << UInt64(k & 63)
                    }
                }
            }
            byFirst = table
            firstTwo = pairs
        }

        @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

        /// Whether any needle occurs in ASCII code points, case folded: as `occurs(in:)` on their bytes.
        func occurs(inASCII hay: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
            guard hay.count >= 2, let base = hay.baseAddress else { return false }
            return firstTwo.withUnsafeBufferPointer { pairs in
                let table = pairs.baseAddress!
                var pair = Int(base[0].value)
                for start in 0..<(hay.count - 1) {
                    pair = (pair << 8 | Int(base[start + 1].value)) & 0xFFFF
                    guard table[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                    let b = Self.lower(UInt8(base[start].value))
                    let second = Self.lower(UInt8(base[start + 1].value))
                    needle: for n in byFirst[Int(b)] where n[1] == second && start + n.count <= hay.count {
                        for k in 2..<n.count where Self.lower(UInt8(base[start + k].value)) != n[k] { continue needle }
                        return true
                    }
                }
                return false
            }
        }

        /// Whether any needle occurs in `hay`, ASCII case folded.
        func occurs(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
            guard hay.count >= 2, let base = hay.baseAddress else { return false }
            return firstTwo.withUnsafeBufferPointer { pairs in
                let table = pairs.baseAddress!
                var pair = Int(base[0])
                for start in 0..<(hay.count - 1) {
                    pair = (pair << 8 | Int(base[start + 1])) & 0xFFFF
                    guard table[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                    let b = Self.lower(base[start])
                    let second = Self.lower(base[start + 1])
                    needle: for n in byFirst[Int(b)] where n[1] == second && start + n.count <= hay.count {
                        for k in 2..<n.count where Self.lower(hay[start + k]) != n[k] { continue needle }
                        return true
                    }
                }
                return false
            }
        }
    }

    /// Front matter `title:`, else the first short line that reads like a headline.
    func title(_ text: PreparedText) -> String? {
        if let t = text.frontMatter["title"], !t.isEmpty { return t }
        for line in text.lines.prefix(40) {
            // Trim markup and spaces on the code points; a String is built only for a candidate.
            var a = line.lowerBound
            var b = line.upperBound
            while a < b, Self.isTitleMarkup(text.scalars[a]) { a += 1 }
            while b > a, Self.isTitleMarkup(text.scalars[b - 1]) { b -= 1 }
            guard b > a, b - a <= Self.maximumTitleLength else { continue }
            let first = text.scalars[a]
            guard
                Tokenizer.isLetter(first) || Tokenizer.isDigit(first)
                    || "\"\u{201C}\u{2018}'".unicodeScalars.contains(first)
            else { continue }
            let t = text.string(a..<b)
            if t.split(separator: " ").count < 2 || resources.boilerplate.titleSkips.contains(t.lowercased()) {
                continue
            }
            return t
        }
        return nil
    }

    /// Markup and spaces around a title line: `*#_>|-` and white space.
    static func isTitleMarkup(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "*", "#", "_", ">", "|", "-": return true
        default: return Tokenizer.isSpace(c)
        }
    }

    /// The words of `scalars` (split at white space) joined by single spaces.
    static func normalizedWhitespace(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // Splitting on code points gives what splitting on characters gives unless a space joins a
        // grapheme cluster (a combining mark after it, a prepended mark before it): only then is
        // the slower character split needed.
        var previous: Unicode.Scalar?
        var afterSpace = false
        for c in scalars {
            let space = isWhiteSpace(c)
            if (space && previous.map(isPlainCluster) == false) || (afterSpace && !isPlainCluster(c)) {
                return String(scalars: scalars).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            }
            afterSpace = space
            previous = c
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var pendingSpace = false
        for c in scalars {
            if isWhiteSpace(c) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(c)
        }
        return String(scalars: out[...])
    }

    /// Unicode White_Space, as `Character.isWhitespace` reads it.
    @inline(__always) static func isWhiteSpace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) : c.properties.isWhitespace
    }

    /// A code point that never joins a white space into its grapheme cluster (no combining, joining
    /// or prepended mark): Latin up to U+02FF, general punctuation, CJK punctuation and ideographs.
    static func isPlainCluster(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF,
            0xFF01...0xFF5E:
            return true
        default: return false
        }
    }
}
