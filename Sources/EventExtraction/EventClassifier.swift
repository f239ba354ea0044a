import TimelineCore

/// Finds the events of one sentence: trigger phrases (`triggers.tsv`), each attached
/// to the nearest date that governs it, minus what GUIDELINES.md says is not an event
/// (statistics, plan periods, spans, `since` dates).
struct EventClassifier: Sendable {
    let triggers: TriggerLexicon
    let cues: Cues

    /// A date mention with its resolved calendar value.
    struct DatedMention {
        let mention: TemporalMention
        let value: TimexValue
    }

    struct Candidate {
        let type: EventType
        let date: TimexValue
        /// The trigger phrase as listed, or `by` for a target date.
        let trigger: String
        let triggerToken: Int
    }

    struct TriggerHit {
        let first: Int
        let end: Int
        let phrase: TriggerLexicon.Phrase
    }

    /// A trigger takes a date only this far away: tokens between, plus `barrierCost` per comma,
    /// colon, bracket or dash between.
    static let maximumCost = 24
    static let barrierCost = 4
    /// `TimexValue.precision` of a year: coarser dates carry no event.
    static let coarsestPrecision = TimexValue(.year(2000)).precision
    /// A `near` trigger takes only a date with at most this many tokens between, no punctuation.
    static let nearDistance = 3
    /// How far from a trigger a policy-document noun makes it an approval.
    static let documentWindow = 15

    /// What may stand between a `near` noun and a date after it.
    static let nearPrepositions: Set<String> = ["in", "of", "from"]
    static let barriers: Set<String> = [",", ":", "(", ")", "[", "]", "\u{2014}", "\u{2013}", "\""]
    static let hardBarriers: Set<String> = [";", "\u{3002}"]

    func triggers(in tokens: [Token], stems: [String], excluding mentions: [TemporalMention]) -> [TriggerHit] {
        var inMention = [Bool](repeating: false, count: tokens.count)
        for m in mentions { for k in m.first..<m.end { inMention[k] = true } }
        var hits: [TriggerHit] = []
        var i = 0
        while i < tokens.count {
            guard !inMention[i], tokens[i].kind == .word else {
                i += 1
                continue
            }
            let found = triggers.matches(tokens, stems: stems, at: i)
            guard let length = found.first?.words.count else {
                i += 1
                continue
            }
            for p in found { hits.append(TriggerHit(first: i, end: i + length, phrase: p)) }
            i += length
        }
        return hits
    }

    func classify(
        _ tokens: [Token],
        dates: [DatedMention],
        allMentions: [TemporalMention],
        dct: CivilDate
    ) -> [Candidate] {
        guard !dates.isEmpty else { return [] }
        let stems = tokens.map { $0.kind == .word ? Stemmer.stem($0.lower) : $0.lower }
        let hits = triggers(in: tokens, stems: stems, excluding: allMentions)
        var inMention = [Bool](repeating: false, count: tokens.count)
        for m in allMentions { for k in m.first..<m.end { inMention[k] = true } }

        // Which dates can carry an event, and which only a deadline ("by 2035").
        var eligible: [(date: DatedMention, byOnly: Bool)] = []
        for d in dates {
            let m = d.mention
            // A happening is dated from a day to a year (GUIDELINES.md); decades and centuries are eras.
            if m.isRangeEnd || d.value.precision > Self.coarsestPrecision { continue }
            let before = m.first > 0 ? tokens[m.first - 1].lower : ""
            if cues.contains(.noEventSignal, before) { continue }
            if before == "for", m.first >= 2, cues.contains(.planNoun, tokens[m.first - 2].lower) { continue }
            eligible.append((d, before == "by"))
        }

        var out: [Candidate] = []
        func add(_ type: EventType, _ date: TimexValue, _ trigger: String, _ at: Int) {
            if !out.contains(where: { $0.type == type && $0.date == date }) {
                out.append(Candidate(type: type, date: date, trigger: trigger, triggerToken: at))
            }
        }

        for hit in hits {
            // "decided to establish", "agreed to sign": an intention, not a happening of its own.
            if hit.phrase.type != .deadline, hit.first > 0, tokens[hit.first - 1].lower == "to",
                tokens[hit.first].kind == .word,
                !tokens[hit.first].lower.hasSuffix("ing")
            {
                continue
            }
            // "should be established", "could be signed": a possibility, not a happening.
            if hit.first >= 2, tokens[hit.first - 1].lower == "be",
                cues.contains(.hypothetical, tokens[hit.first - 2].lower)
            {
                continue
            }
            var best: (cost: Int, date: DatedMention)?
            for (d, byOnly) in eligible {
                if byOnly && hit.phrase.type != .deadline { continue }
                guard
                    var cost = self.cost(
                        tokens,
                        hit.first..<hit.end,
                        d.mention.first..<d.mention.end,
                        near: hit.phrase.near
                    )
                        ?? self.frontedCost(tokens, hit.first..<hit.end, d.mention, near: hit.phrase.near)
                else { continue }
                if d.mention.first <= 1, hit.first > d.mention.end { cost = min(cost, Self.maximumCost) }
                if hit.phrase.reporting,
                    hits.contains(where: { other in
                        !other.phrase.reporting
                            && Self.between(other.first, hit.first..<hit.end, d.mention.first..<d.mention.end)
                    })
                {
                    continue
                }
                // On a tie the date after the trigger wins: "signed on 9 May", "a meeting on April 17".
                if best == nil || cost < best!.cost || (cost == best!.cost && d.mention.first > hit.first) {
                    best = (cost, d)
                }
            }
            guard let (_, d) = best else { continue }
            if isStatistic(tokens, inMention: inMention, hit.first..<hit.end, d.mention.first..<d.mention.end) {
                continue
            }
            var type = hit.phrase.type
            if hit.phrase.documentApproval, namesDocument(tokens, around: hit.first..<hit.end) { type = .approval }
            add(type, d.value, hit.phrase.text, hit.first)
        }

        // "By 2035, the city is to …": a target date is a deadline by itself.
        for (d, byOnly) in eligible where byOnly {
            let all = 0..<tokens.count
            let future = d.value.interval.end > dct
            if (future || cues.occurs(.target, in: tokens, all)) && !cues.occurs(.pastState, in: tokens, all) {
                add(.deadline, d.value, "by", d.mention.first - 1)
            }
        }
        return out
    }

    /// The distance from a trigger to a date, or `nil` if they cannot go together.
    func cost(_ tokens: [Token], _ trigger: Range<Int>, _ date: Range<Int>, near: Bool) -> Int? {
        let gap =
            trigger.upperBound <= date.lowerBound
            ? trigger.upperBound..<date.lowerBound : date.upperBound..<max(date.upperBound, trigger.lowerBound)
        var barriers = 0
        for k in gap {
            let t = tokens[k]
            guard t.kind == .punct else { continue }
            if Self.hardBarriers.contains(t.text) { return nil }
            if isBarrier(tokens, k) { barriers += 1 }
        }
        if near {
            // The date modifies the noun ("the 2003 revitalization plan", "Jilin's 2009 Changjitu project")
            // or follows it with one preposition ("a plan in 2016", "plans from 2009").
            if date.upperBound <= trigger.lowerBound {
                let blocked = gap.contains { k in
                    tokens[k].kind == .punct && !PatternContext.dashes.contains(tokens[k].text)
                        || cues.contains(.functionWord, tokens[k].lower)
                }
                guard gap.count <= Self.nearDistance, !blocked else { return nil }
            } else {
                guard gap.count <= 1, gap.allSatisfy({ Self.nearPrepositions.contains(tokens[$0].lower) }) else {
                    return nil
                }
            }
        }
        let cost = gap.count + Self.barrierCost * barriers
        return cost <= Self.maximumCost ? cost : nil
    }

    /// A date fronted before the main clause ("In October 2013, X put forward … at the Conference")
    /// governs the whole sentence: it reaches triggers beyond the usual distance, but not across `;`.
    func frontedCost(_ tokens: [Token], _ trigger: Range<Int>, _ date: TemporalMention, near: Bool) -> Int? {
        guard !near, date.first <= 1, date.end < tokens.count, tokens[date.end].text == ",",
            trigger.lowerBound > date.end,
            !(date.end..<trigger.lowerBound).contains(where: { Self.hardBarriers.contains(tokens[$0].text) })
        else { return nil }
        return Self.maximumCost
    }

    static func between(_ k: Int, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let lo = min(a.upperBound, b.upperBound)
        let hi = max(a.lowerBound, b.lowerBound)
        return k >= lo && k < hi
    }

    /// The clause around `range`: up to the nearest barrier on each side.
    func clause(_ tokens: [Token], around range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        while lo > 0, !isBarrier(tokens, lo - 1), !Self.hardBarriers.contains(tokens[lo - 1].text) { lo -= 1 }
        var hi = range.upperBound
        while hi < tokens.count, !isBarrier(tokens, hi), !Self.hardBarriers.contains(tokens[hi].text) { hi += 1 }
        return lo..<hi
    }

    /// A comma, colon, bracket, quote or spaced dash between clauses; not the comma of `4,250`.
    func isBarrier(_ tokens: [Token], _ k: Int) -> Bool {
        let t = tokens[k]
        guard t.kind == .punct else { return false }
        if t.text == ",", k > 0, k + 1 < tokens.count, tokens[k - 1].kind == .number, tokens[k + 1].kind == .number,
            tokens[k - 1].end == t.start, t.end == tokens[k + 1].start
        {
            return false
        }
        return Self.barriers.contains(t.text) || (PatternContext.dashes.contains(t.text) && t.spaceBefore)
    }

    /// A figure rather than a happening: a quantity word, a number with thousands
    /// separators, or a change verb with a number, in the date's clause or between
    /// the trigger and the date.
    func isStatistic(_ tokens: [Token], inMention: [Bool], _ trigger: Range<Int>, _ date: Range<Int>) -> Bool {
        let span = min(trigger.lowerBound, date.lowerBound)..<max(trigger.upperBound, date.upperBound)
        let dateClause = clause(tokens, around: date)
        for region in [span, dateClause] {
            if cues.occurs(.quantity, in: tokens, region) { return true }
            var number = false
            for k in region where tokens[k].kind == .number && !inMention[k] {
                number = true
                if k + 2 < tokens.count, tokens[k + 1].text == ",", tokens[k + 2].kind == .number,
                    tokens[k + 2].digitCount == 3,
                    tokens[k].end == tokens[k + 1].start
                {
                    return true
                }
            }
            if number, cues.occurs(.statistic, in: tokens, region) { return true }
        }
        return false
    }

    /// A policy-document noun near the trigger, in its clause.
    func namesDocument(_ tokens: [Token], around trigger: Range<Int>) -> Bool {
        let c = clause(tokens, around: trigger)
        let lo = max(c.lowerBound, trigger.lowerBound - Self.documentWindow)
        let hi = min(c.upperBound, trigger.upperBound + Self.documentWindow)
        return cues.occurs(.policyDocument, in: tokens, lo..<hi)
    }
}
