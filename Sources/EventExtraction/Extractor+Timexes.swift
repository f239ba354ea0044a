import TimelineCore

extension Extractor {
    /// The temporal expressions of an article only, anchored to `dct`: the tagger without
    /// document-date detection, event classification or places (what the speed benchmark times
    /// as "the tagger alone"). Same expressions and values as `extract(_:dctOverride:modified:)`.
    public func timexes(_ article: ArticleText, dct: CivilDate) -> [Timex] {
        var text = PreparedText(article)
        text.blankURLs()
        var timexes: [Timex] = []
        var anaphora = Anaphora()
        for sentence in splitter.split(text.scalars, text.bodyStart..<text.scalars.count) {
            let tokens = Tokenizer.tokenize(text.scalars, sentence)
            for m in tagger.tag(tokens) {
                timexes.append(timex(m, tokens, text, dct: dct, anaphora: &anaphora).timex)
            }
        }
        return timexes
    }

    /// The dates `the same year` and `the same date in 2017` point back to.
    struct Anaphora {
        var previous: TimexValue?
        var previousDay: TimexValue?
        /// Whether `previous` is a year counted back or on (`a year ago`, `year-earlier`).
        var previousIsYearShift = false
        /// The last full date (day, month and year) of the current sentence (which starts at `sentence`).
        var inSentence: TimexValue?
        /// The year of the last date of the current sentence the text gives with its year.
        var yearInSentence: Int?
        var sentence = -1
    }

    /// Tense cues close to the mention: `will`, `next` make `April 17` the next one; a past form
    /// (`was`, `stepped`) the last one; otherwise the nearest. The verb a date hangs on mostly comes
    /// before it, so cues before the mention decide first ("was announced Wednesday, they will
    /// appeal": the last Wednesday), then cues after it; on each side the future wins ("will be
    /// held in the autumn").
    func direction(_ tokens: [Token], _ m: TemporalMention) -> TemporalReference.Direction {
        let cues = resources.cues
        // A "that" right after the date opens a reported clause: in "announced on Oct. 18 that
        // Dandong will host …" the future is the reported clause's, not the date's.
        let reported = m.end < tokens.count && tokens[m.end].lower == "that"
        let before = max(0, m.first - Self.tenseWindow)..<m.first
        let after = m.end..<(reported ? m.end : min(tokens.count, m.end + Self.tenseWindow))
        for window in [before, after] where !window.isEmpty {
            if cues.occurs(.future, in: tokens, window, unless: .notCue) { return .future }
            if cues.occurs(.past, in: tokens, window) || cues.occursSuffix(.pastSuffix, in: tokens, window) {
                return .past
            }
        }
        // No cue nearby: the verb of a long clause may stand further back ("We will host the 2024
        // Northeast Asia Local Cooperation Roundtable in Hunchun in the third quarter").
        let far = 0..<before.lowerBound
        if cues.occurs(.future, in: tokens, far, unless: .notCue), !cues.occurs(.past, in: tokens, far) {
            return .future
        }
        return .nearest
    }

    /// One mention resolved against the document date and the dates before it.
    func timex(
        _ m: TemporalMention,
        _ tokens: [Token],
        _ text: PreparedText,
        dct: CivilDate,
        anaphora: inout Anaphora
    ) -> (timex: Timex, calendar: TimexValue?) {
        let anchor: TimexValue? =
            if case .sameDayIn = m.reference { anaphora.previousDay } else { anaphora.previous }
        if tokens.first?.start != anaphora.sentence {
            anaphora.sentence = tokens.first?.start ?? -1
            anaphora.inSentence = nil
            anaphora.yearInSentence = nil
        }
        // "ratified on Nov. 11, 2024, and in force on Dec. 4": a day without a year after a full
        // date in the same sentence is read from that date, not from the document's.
        var reference = dct
        if case .monthDay = m.reference, let day = anaphora.inSentence { reference = day.interval.start }
        // Only expressions without a year or an offset lean one way: the others need no cue search.
        let lean = m.reference.leans ? direction(tokens, m) : .nearest
        var (value, calendar) = m.reference.resolve(dct: reference, direction: lean, previous: anchor)
        // "from $9 a year ago … compared with $7 a year earlier": a year shift right after another
        // compares with the same period, not with the one a year before it.
        let isYearShift = m.reference.isYearShift
        if case .shiftFromPrevious(.year, _) = m.reference, anaphora.previousIsYearShift, let p = anaphora.previous {
            (value, calendar) = (p.description, p)
        }
        // "May 2015: Xi visits Moscow for the Victory Day parade": a holiday after a date of the
        // same sentence is in that date's year.
        if case .holiday(let mo, let d, let w, offset: nil) = m.reference, let y = anaphora.yearInSentence,
            let day = TemporalReference.holiday(year: y, month: mo, day: d, weekday: w)
        {
            let v = TimexValue(.day(day))
            (value, calendar) = (v.description, v)
        }
        let start = tokens[m.first].start
        let end = tokens[m.end - 1].end
        if case .calendar(let v) = m.reference { anaphora.yearInSentence = v.interval.start.year }
        if let calendar, !m.isRangeEnd {
            anaphora.previous = calendar
            anaphora.previousIsYearShift = isYearShift
            if case .day = calendar.kind { anaphora.previousDay = calendar }
            if case .day = calendar.kind, case .calendar = m.reference { anaphora.inSentence = calendar }
        }
        let timex = Timex(
            start: start,
            end: end,
            text: text.originalString(start..<end),
            type: m.reference.timexType,
            value: value,
            mod: m.mod
        )
        return (timex, calendar)
    }
}
