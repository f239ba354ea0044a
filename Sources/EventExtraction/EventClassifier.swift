import TimelineCore

/// Finds the events of one sentence: trigger phrases (`triggers.tsv`), each attached
/// to the nearest date that governs it, minus what GUIDELINES.md says is not an event
/// (statistics, plan periods, spans, `since` dates).
struct EventClassifier: Sendable {
    let triggers: TriggerLexicon
    let cues: Cues
    /// Ordinal words ("third"), lower-case: a name with one in it is a numbered meeting.
    let ordinals: Set<String>

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
        /// The key under which two mentions can be one happening (`met`, `meeting`: `meet`).
        let family: String
        /// The trigger's tokens (the `by` of a target date).
        let triggerTokens: Range<Int>
    }

    struct TriggerHit {
        let first: Int
        let end: Int
        let phrase: TriggerLexicon.Phrase
    }

    /// A trigger takes a date only this far away: tokens between (a name's words count as one),
    /// plus `barrierCost` per comma, colon, bracket or dash between.
    static let maximumCost = 24
    static let barrierCost = 4
    /// `TimexValue.precision` of a year: coarser dates carry no event.
    static let coarsestPrecision = TimexValue(.year(2000)).precision
    /// A `near` trigger takes only a date with at most this many tokens between, no punctuation.
    static let nearDistance = 3
    /// How far from a trigger a policy-document noun or an authority makes it an approval.
    static let documentWindow = 15
    /// How far after a statistic verb its number may stand ("rose by almost 9 percent").
    static let statisticReach = 4
    /// How many words may stand from a counted plural to its trigger ("4,250 firms were established").
    static let countedReach = 3
    /// How far after the trigger a `by` agent may start, and its authority stand after `by`.
    static let agentReach = 3
    static let agentLength = 8
    /// Words that open a relative clause.
    static let relativePronouns: Set<String> = ["which", "that"]
    /// Words that may open a Title-Case document name after the trigger.
    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "\u{201C}", "\""]

    /// What may stand between a `near` noun and a date after it.
    static let nearPrepositions: Set<String> = ["in", "of", "from"]
    static let barriers: Set<String> = [",", ":", "(", ")", "[", "]", "\u{2014}", "\u{2013}", "\""]
    static let hardBarriers: Set<String> = [";", "\u{3002}"]
    /// Words that open a relative clause after a comma; not "when" or "where", whose clause a date
    /// outside it governs ("in 2019, when the bridge opened"; "in Pyongyang on June 17, where he announced").
    static let clauseRelatives: Set<String> = ["which", "who", "whose", "whom"]
    /// Words that may follow an attributing reporting verb: its own date ("…, KCNA reported on Tuesday").
    static let attributionDateWords: Set<String> = ["on", "in", "at", "last", "this", "yesterday", "today"]
    /// What may follow a date that opens a sentence and governs all of it.
    static let frontingMarks: Set<String> = [",", ":", "-", "\u{2014}", "\u{2013}"]
    /// Auxiliaries between a noun and the passive verb it is the subject of ("the reopening was approved").
    static let passiveAuxiliaries: Set<String> = [
        "was", "were", "is", "are", "has", "have", "had", "been", "be", "will",
    ]
    /// Determiners between a relational cue and the trigger noun it governs ("ahead of the talks").
    static let nounDeterminers: Set<String> = ["the", "a", "an", "this", "that", "these", "its", "their", "his", "her"]
    /// How far before a trigger, in its clause, "anniversary of" may stand
    /// ("the 20th anniversary of the signing of the treaty").
    static let commemorationReach = 10

    /// - Parameter inMention: for each token, whether it stands in a temporal expression.
    func triggers(in tokens: [Token], stems: [String], excluding inMention: [Bool]) -> [TriggerHit] {
        var hits: [TriggerHit] = []
        var i = 0
        while i < tokens.count {
            guard !inMention[i], tokens[i].kind == .word else {
                i += 1
                continue
            }
            let (found, end) = triggers.matches(tokens, stems: stems, at: i) { inMention[$0] }
            guard !found.isEmpty else {
                i += 1
                continue
            }
            for p in found { hits.append(TriggerHit(first: i, end: end, phrase: p)) }
            // A phrase with a gap does not hide the triggers inside it ("led talks with a delegation").
            i = found.contains { $0.words.contains(.gap) } ? i + 1 : end
        }
        return hits
    }

    func classify(
        _ tokens: [Token],
        dates: [DatedMention],
        allMentions: [TemporalMention],
        dct: CivilDate
    ) -> [Candidate] {
        guard !dates.isEmpty, !isQuestion(tokens) else { return [] }
        let stems = tokens.map { $0.kind == .word ? Stemmer.stem($0.lower) : $0.lower }
        var inMention = [Bool](repeating: false, count: tokens.count)
        for m in allMentions { for k in m.first..<m.end { inMention[k] = true } }
        let hits = triggers(in: tokens, stems: stems, excluding: inMention)
        // Only triggers consult clause scopes; "by DATE" targets need none.
        let scopes = hits.isEmpty ? [] : relativeClauses(tokens)
        let conditional = conditionalClauses(tokens)
        let quotation = hits.isEmpty ? [] : quotations(tokens)

        // Which dates can carry an event, and which only a deadline ("by 2035").
        var eligible: [(date: DatedMention, byOnly: Bool)] = []
        for d in dates {
            let m = d.mention
            // A happening is dated from a day to a year (GUIDELINES.md); decades and centuries are eras.
            if m.isRangeEnd || d.value.precision > Self.coarsestPrecision { continue }
            // "Two years later, they signed … on 23 June 2016": a vague step from another date;
            // "Three days later, the city announced …" is a day.
            if case .shiftFromPrevious(let unit, _) = m.reference, unit != .day { continue }
            // "May 2015: Xi visits Moscow for the Victory Day parade": a holiday inside a date the
            // sentence gives with its year names the occasion; that date dates the happening.
            if case .holiday = m.reference,
                dates.contains(where: {
                    $0.mention.first != m.first && $0.value.precision > d.value.precision
                        && $0.value.interval.start <= d.value.interval.start
                        && d.value.interval.end <= $0.value.interval.end
                })
            {
                continue
            }
            let before = m.first > 0 ? tokens[m.first - 1].lower : ""
            if cues.contains(.noEventSignal, before), !isNotUntil(tokens, m.first - 1) { continue }
            if conditional[m.first] || isDateline(tokens, m) { continue }
            // "up 8 percent on 2021", "compared with 2021": a baseline of a comparison.
            if cues.endsBefore(.comparison, in: tokens, m.first)
                || (m.first >= 2 && cues.contains(.baselinePreposition, before)
                    && cues.contains(.quantity, tokens[m.first - 2].lower))
            {
                continue
            }
            // "a protocol on tourist exchanges for 2027": a period something is for, not its date
            // ("scheduled for 5 May" is the happening's).
            if before == "for", m.first >= 2, !cues.endsBefore(.dateFor, in: tokens, m.first - 1) { continue }
            // "2023 was the first year of …": a date as the subject of a description.
            if m.first == 0, m.end < tokens.count, Self.copulas.contains(tokens[m.end].lower) { continue }
            eligible.append((d, cues.endsBefore(.targetPreposition, in: tokens, m.first)))
        }

        var out: [Candidate] = []
        func add(_ type: EventType, _ date: TimexValue, _ trigger: String, _ family: String, _ at: Range<Int>) {
            if !out.contains(where: { $0.type == type && $0.date == date }) {
                out.append(Candidate(type: type, date: date, trigger: trigger, family: family, triggerTokens: at))
            }
        }

        for hit in hits {
            // "resolved to build", "agreed to sign": an intention, not a happening of its own;
            // "arrived to meet" and "is due to arrive" are happenings.
            if hit.phrase.type != .deadline, hit.first > 1, tokens[hit.first - 1].lower == "to",
                tokens[hit.first].kind == .word,
                !tokens[hit.first].lower.hasSuffix("ing")
            {
                // "agreed on 12 April to meet again": a date may stand between the verb and "to".
                var verb = hit.first - 2
                while verb > 0, inMention[verb] || (tokens[verb].lower == "on" && inMention[verb + 1]) { verb -= 1 }
                if cues.containsStem(.intention, tokens[verb].lower), !isScheduled(tokens, verb) { continue }
            }
            if !hit.phrase.notBefore.isEmpty, hit.end < tokens.count,
                hit.phrase.notBefore.contains(tokens[hit.end].lower)
            {
                continue
            }
            if conditional[hit.first] || isNegated(tokens, hit.first) || isCalledOff(tokens, hit) { continue }
            if cues.endsBefore(.durationOf, in: tokens, hit.first)
                || (hit.first > 0 && cues.endsBefore(.durationOf, in: tokens, hit.first - 1))
            {
                continue
            }
            if hit.phrase.objectNoun, isObject(of: hits, hit, tokens) { continue }
            if hit.phrase.type == .launch, isInsideName(tokens, hit.first) { continue }
            if hit.phrase.institutionName, isInstitutionName(tokens, hit.first) { continue }
            if isSelfReference(tokens, hit.first) { continue }
            // "has been reopening them in stages": a process under way, not a dated happening.
            if hit.first > 0, tokens[hit.first - 1].lower == "been", tokens[hit.first].lower.hasSuffix("ing") {
                continue
            }
            if hit.phrase.placeAfter, !namesPlace(tokens, after: hit.end, inMention) { continue }
            if hit.phrase.needsMeetingSubject, !hasMeetingSubject(hits, hit, tokens) { continue }
            if hit.phrase.type == .visit, movesFreight(tokens, hit.first) { continue }
            if hit.phrase.verbOnly, isNounUse(tokens, hit.first) { continue }
            if hit.phrase.nounOnly, hit.first > 0, cues.contains(.auxiliary, tokens[hit.first - 1].lower) { continue }
            if !hit.phrase.notAfter.isEmpty, hit.first > 0, hit.phrase.notAfter.contains(tokens[hit.first - 1].lower) {
                continue
            }
            if hit.phrase.afterAuxiliary, hit.first == 0 || !cues.contains(.auxiliary, tokens[hit.first - 1].lower) {
                continue
            }
            if isCommemorated(tokens, hit.first) { continue }
            // "ahead of the talks": the noun takes only a date of its own, right beside it.
            let related = isRelated(tokens, hit.first)
            if hit.phrase.needsMovement, !followedByMovement(tokens, hit.first..<hit.end) { continue }
            if hit.phrase.needsAuthority, !hasAuthoritySubject(tokens, hit.first..<hit.end),
                !(hit.end + 1 < tokens.count && tokens[hit.end].lower == "to"
                    && cues.contains(.decidedAction, tokens[hit.end + 1].lower))
            {
                continue
            }
            // "might be opened", "could be signed": a possibility, not a happening.
            if hit.first >= 2, tokens[hit.first - 1].lower == "be",
                cues.contains(.hypothetical, tokens[hit.first - 2].lower)
            {
                continue
            }
            // "we could open it next spring": a possibility.
            if hit.first >= 1, tokens[hit.first].kind == .word, !tokens[hit.first - 1].isCapitalized,
                cues.contains(.possibility, tokens[hit.first - 1].lower)
            {
                continue
            }
            // "the agreement on establishing the checkpoint": what the agreement is about.
            if hit.first >= 1, tokens[hit.first].lower.hasSuffix("ing"),
                cues.contains(.topic, tokens[hit.first - 1].lower)
            {
                continue
            }
            var best: (cost: Int, date: DatedMention)?
            // Every date the trigger could take, for refining a year that names it.
            var possible: [(cost: Int, date: DatedMention)] = []
            for (d, byOnly) in eligible {
                if byOnly && hit.phrase.type != .deadline { continue }
                guard
                    var cost = self.cost(
                        tokens,
                        hit.first..<hit.end,
                        d.mention.first..<d.mention.end,
                        near: hit.phrase.near || related,
                        scopes: scopes
                    )
                        ?? (scopes[hit.first] < 0
                            ? self.frontedCost(tokens, hit.first..<hit.end, d.mention, near: hit.phrase.near || related)
                            : nil)
                else { continue }
                if related, d.mention.first < hit.first { continue }
                // A quotation's dates are its own: "'… in the first quarter of next year,' he said at a
                // meeting with journalists" dates no meeting.
                if quotation[hit.first] != quotation[d.mention.first] { continue }
                // "Officials announced on 2 August that the corridor would open": the date is the
                // announcement's; what the "that" clause reports has no date of its own there.
                if !hit.phrase.reporting, d.mention.end <= hit.first, reportsAfter(tokens, hits, d.mention, hit) {
                    continue
                }
                if hit.phrase.yearBefore,
                    d.mention.end > hit.first || d.value.precision != Self.coarsestPrecision
                {
                    continue
                }
                if d.mention.first <= 1, hit.first > d.mention.end { cost = min(cost, Self.maximumCost) }
                // "the Agreement … of 27 January 1994 was signed in Harbin on 17 May 2024": a date
                // after "of" names the document before it; a verb after it takes it only if no
                // other date will do.
                if !hit.phrase.near, d.mention.end <= hit.first, d.mention.first > 0,
                    tokens[d.mention.first - 1].lower == "of"
                {
                    cost += Self.maximumCost
                }
                // A reporting verb takes a date of its own clause or a fronted one: in "Kim toured
                // the zone late last month, KCNA reported" the date is the tour's.
                if hit.phrase.reporting, d.mention.first > 1, isAttribution(tokens, hit),
                    !clause(tokens, around: hit.first..<hit.end).contains(d.mention.first)
                {
                    continue
                }
                if hit.phrase.reporting,
                    hits.contains(where: { other in
                        !other.phrase.reporting && !isSetting(tokens, other.first)
                            && Self.between(other.first, hit.first..<hit.end, d.mention.first..<d.mention.end)
                    })
                {
                    continue
                }
                possible.append((cost, d))
                // On a tie the date after the trigger wins: "signed on 9 May", "a meeting on April 17".
                if best == nil || cost < best!.cost || (cost == best!.cost && d.mention.first > hit.first) {
                    best = (cost, d)
                }
            }
            guard var (_, d) = best else { continue }
            // "The 2025 Northeast Asia Economic Conference, scheduled for November 7th": a year in the
            // name gives way to a date inside it that the trigger can also take.
            if d.mention.end <= hit.first, (d.mention.end..<hit.first).allSatisfy({ tokens[$0].isCapitalized }),
                let finer = possible.filter({
                    $0.cost <= Self.maximumCost && $0.date.value.precision < d.value.precision
                        && d.value.interval.start <= $0.date.value.interval.start
                        && $0.date.value.interval.end <= d.value.interval.end
                }).min(by: { $0.cost < $1.cost })
            {
                d = finer.date
            }
            if isStatistic(tokens, inMention: inMention, hit.first..<hit.end, d.mention.first..<d.mention.end) {
                continue
            }
            var type = hit.phrase.type
            let trigger = hit.first..<hit.end
            if hit.phrase.documentApproval, namesDocument(tokens, around: trigger),
                !objectIsUnfinished(tokens, trigger),
                type != .agreement || !(hasTwoParties(tokens, trigger) || signsAgreement(hits, hit))
            {
                type = .approval
            }
            if hit.phrase.authorityApproval, type != .approval, !objectIsUnfinished(tokens, trigger),
                (hasAuthoritySubject(tokens, trigger) && !objectIsReport(tokens, trigger))
                    || objectIsTitle(tokens, trigger)
            {
                type = .approval
            }
            if isNumberedInstrument(tokens, trigger) { type = .approval }
            if type == .launch, stems[hit.first] == "open", hasMeetingSubject(hits, hit, tokens) { type = .meeting }
            add(type, d.value, hit.phrase.text, hit.phrase.family, trigger)
        }

        // "By 2035, the city is to …": a target date is a deadline by itself.
        for (d, byOnly) in eligible where byOnly {
            let all = 0..<tokens.count
            let future = d.value.interval.end > dct
            // "had" describes a past state only in the clause "by DATE" governs: its own, or the
            // next one when the date is fronted ("By 2022, exporters had opened offices").
            var governed = clause(tokens, around: (d.mention.first - 1)..<d.mention.end)
            if governed.upperBound < tokens.count, tokens[governed.upperBound].text == ",",
                governed.upperBound == d.mention.end
            {
                governed =
                    governed
                    .lowerBound..<clause(tokens, around: (d.mention.end + 1)..<(d.mention.end + 1))
                    .upperBound
            }
            if (future || cues.occurs(.target, in: tokens, all)) && !cues.occurs(.pastState, in: tokens, governed) {
                add(.deadline, d.value, "by", "by", (d.mention.first - 1)..<d.mention.first)
            }
        }
        return out
    }

    /// The distance from a trigger to a date, or `nil` if they cannot go together.
    func cost(_ tokens: [Token], _ trigger: Range<Int>, _ date: Range<Int>, near: Bool, scopes: [Int]) -> Int? {
        // A relative clause (", which opened on May 17,") keeps its date to itself and the noun it
        // follows, and its triggers take no date from outside it.
        let triggerScope = scopes[trigger.lowerBound]
        let dateScope = scopes[date.lowerBound]
        if triggerScope != dateScope {
            // Allowed: the noun the clause follows, and the verb right after it, whose subject
            // the clause describes ("Hu, who toured the crossing in late August, proposed …").
            guard triggerScope < 0, dateScope >= 0,
                trigger.upperBound == dateScope - 1 || trigger.lowerBound == clauseEnd(scopes, dateScope) + 1
                    || isAntecedentHead(tokens, trigger, comma: dateScope - 1)
                    || isDuringAntecedent(tokens, trigger, comma: dateScope - 1)
            else { return nil }
        }
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
            // The date modifies the noun ("the 2011 border plan", "Amur's 2008 bridge project")
            // or follows it with one preposition ("a plan in 2016", "plans from 2009").
            if date.upperBound <= trigger.lowerBound {
                let blocked = gap.contains { k in
                    tokens[k].kind == .punct && !PatternContext.dashes.contains(tokens[k].text)
                        || cues.contains(.functionWord, tokens[k].lower)
                }
                guard gap.count <= Self.nearDistance, !blocked else { return nil }
            } else {
                guard
                    (gap.count <= 1 && gap.allSatisfy({ Self.nearPrepositions.contains(tokens[$0].lower) }))
                        || isNounPhraseTail(tokens, gap)
                else {
                    return nil
                }
            }
        }
        // A name counts as one word: "the Government of Primorsky Territory led by Governor Oleg
        // Kozhemyako at the Mansudae Assembly Hall" is long in tokens, short in what it says.
        var nameWords = 0
        for k in gap.dropFirst() where tokens[k].kind == .word && tokens[k].isCapitalized {
            if tokens[k - 1].kind == .word && tokens[k - 1].isCapitalized { nameWords += 1 }
        }
        let cost = gap.count - nameWords + Self.barrierCost * barriers
        return cost <= Self.maximumCost ? cost : nil
    }

    /// The rest of a noun's phrase up to a date's preposition: "visit| to the region in| 2024",
    /// "trip| to Harbin in| May 2023", "deal| with Russia in| 2019"; not "plan| to build a bridge in| 2016".
    func isNounPhraseTail(_ tokens: [Token], _ gap: Range<Int>) -> Bool {
        guard gap.count >= 3, gap.count <= Self.nounPhraseTail, let first = gap.first, let last = gap.last,
            Self.nearPrepositions.contains(tokens[last].lower),
            gap.allSatisfy({ tokens[$0].kind == .word && !Self.clauseWords.contains(tokens[$0].lower) })
        else { return false }
        let p = tokens[first].lower
        if p == "to" { return tokens[first + 1].lower == "the" || tokens[first + 1].isCapitalized }
        return Self.phrasePrepositions.contains(p)
    }

    static let nounPhraseTail = 7
    static let phrasePrepositions: Set<String> = ["of", "for", "with", "between", "at", "on"]

    /// For each token, whether it stands in a condition: from "if" or "unless" to the clause's end,
    /// or from an inverted auxiliary that opens the sentence ("Had the car opened in 2022, …"); a
    /// condition that opens the sentence reaches to its end.
    func conditionalClauses(_ tokens: [Token]) -> [Bool] {
        var mask = [Bool](repeating: false, count: tokens.count)
        var k = 0
        while k < tokens.count {
            let opens =
                tokens[k].kind == .word && cues.contains(.conditional, tokens[k].lower)
                && (k == 0 ? tokens[k].isCapitalized : ["if", "unless"].contains(tokens[k].lower))
            guard opens else {
                k += 1
                continue
            }
            // "If Moscow agrees, we could open the route next spring": a condition that opens the
            // sentence (or its quotation) makes the main clause after it conditional too, up to a
            // colon or semicolon that starts a clause of its own.
            let fronted = tokens[..<k].allSatisfy { $0.kind == .punct }
            let quoted = k > 0 && Self.openingQuotes.contains(tokens[k - 1].text)
            while k < tokens.count, !isBarrier(tokens, k), !Self.hardBarriers.contains(tokens[k].text) {
                mask[k] = true
                k += 1
            }
            if fronted {
                while k < tokens.count, !Self.hardBarriers.contains(tokens[k].text), tokens[k].text != ":",
                    !(quoted && Self.closingQuotes.contains(tokens[k].text))
                {
                    mask[k] = true
                    k += 1
                }
            }
        }
        return mask
    }

    /// A reporting verb that ends its clause ("…, state media reported."), its date aside: an
    /// attribution, not a statement with content of its own ("…, where he announced new aid").
    func isAttribution(_ tokens: [Token], _ hit: TriggerHit) -> Bool {
        let c = clause(tokens, around: hit.first..<hit.end)
        guard let next = tokens[hit.end..<c.upperBound].first(where: { $0.kind != .punct }) else { return true }
        return Self.attributionDateWords.contains(next.lower)
    }

    /// "plans to open", "is expected to visit": a present schedule, not a past intention ("planned to").
    func isScheduled(_ tokens: [Token], _ verb: Int) -> Bool {
        let word = tokens[verb].lower
        guard cues.containsStem(.schedule, word) else { return false }
        // "was due to start", "were expected to sign": a schedule in the past, not a happening.
        if verb > 0, ["was", "were", "had"].contains(tokens[verb - 1].lower) { return false }
        return !word.hasSuffix("ed") || (verb > 0 && ["is", "are", "am", "'s"].contains(tokens[verb - 1].lower))
    }

    /// "was not signed", "has not yet been opened", "have yet to visit".
    func isNegated(_ tokens: [Token], _ first: Int) -> Bool {
        var k = first
        while k >= 0, first - k <= 2 {
            if cues.endsBefore(.negation, in: tokens, k) { return !isFollowedByUntil(tokens, first) }
            k -= 1
            if k < 0 || tokens[k].kind != .word { return false }
        }
        return false
    }

    /// "was not signed until 2015": it was signed, in 2015.
    func isFollowedByUntil(_ tokens: [Token], _ first: Int) -> Bool {
        let c = clause(tokens, around: first..<(first + 1))
        return (first..<min(c.upperBound, first + Self.untilReach)).contains {
            Self.untilWords.contains(tokens[$0].lower)
        }
    }

    static let untilWords: Set<String> = ["until", "till"]
    static let untilReach = 6

    /// Whether the "until" at `k` closes a negation in its clause: "was not signed until 2015".
    func isNotUntil(_ tokens: [Token], _ k: Int) -> Bool {
        guard k >= 0, Self.untilWords.contains(tokens[k].lower) else { return false }
        let c = clause(tokens, around: k..<(k + 1))
        let lo = max(c.lowerBound, k - Self.untilReach)
        return (lo..<k).contains { cues.endsBefore(.negation, in: tokens, $0 + 1) }
    }

    /// A sentence that asks: "Will the bridge finally be opened this year?"
    func isQuestion(_ tokens: [Token]) -> Bool {
        guard let last = tokens.last(where: { !Self.closingMarks.contains($0.text) }) else { return false }
        return last.text == "?" || last.text == "\u{FF1F}"
    }

    static let closingMarks: Set<String> = ["\"", "\u{201D}", "\u{2019}", "'", ")", "]"]

    /// For each token, the quotation of speech it stands in (the index of its opening mark), or -1.
    /// Only a quotation of at least `quotationWords` words counts: a quoted name ("the so-called
    /// \"Ice Silk Road\" plan") is part of its sentence.
    func quotations(_ tokens: [Token]) -> [Int] {
        var owner = [Int](repeating: -1, count: tokens.count)
        var open: Int?
        for k in tokens.indices where tokens[k].kind == .punct {
            let t = tokens[k].text
            if let o = open, Self.closingQuotes.contains(t) {
                if (o..<k).filter({ tokens[$0].kind == .word }).count >= Self.quotationWords {
                    for j in o...k { owner[j] = o }
                }
                open = nil
            } else if Self.openingQuotes.contains(t) {
                open = k
            }
        }
        return owner
    }

    static let quotationWords = 6
    /// Marks that open and close a quotation (a straight quote does both).
    static let openingQuotes: Set<String> = ["\"", "\u{201C}"]
    static let closingQuotes: Set<String> = ["\"", "\u{201D}"]

    /// A noun trigger that is the object of another type's trigger just before it ("ratified the treaty").
    /// Also the subject of another type's passive trigger right after it ("the reopening was approved").
    func isObject(of hits: [TriggerHit], _ hit: TriggerHit, _ tokens: [Token]) -> Bool {
        hits.contains { h in
            guard h.phrase.type != hit.phrase.type, !h.phrase.reporting, !h.phrase.objectNoun else { return false }
            if h.end <= hit.first {
                return hit.first - h.end <= Self.objectReach
                    && (h.end..<hit.first).allSatisfy {
                        (tokens[$0].kind == .word && !Self.clauseWords.contains(tokens[$0].lower))
                            || (PatternContext.dashes.contains(tokens[$0].text) && !tokens[$0].spaceBefore)
                    }
            }
            return h.first >= hit.end && h.first - hit.end <= 3 && h.first > hit.end
                && (hit.end..<h.first).allSatisfy { Self.passiveAuxiliaries.contains(tokens[$0].lower) }
        }
    }

    /// "The forum opened on Monday", "the 11th meeting of the working group, which opened on
    /// Wednesday", "the session of the commission on trade, economic and technical cooperation,
    /// held in Moscow": the verb's subject is a meeting (a meeting that opens is held, not
    /// launched). The subject is the nearest trigger before it, in one noun phrase with it or with
    /// a relative "which" between ("After the talks, the minister opened …" is a launch).
    func hasMeetingSubject(_ hits: [TriggerHit], _ hit: TriggerHit, _ tokens: [Token]) -> Bool {
        guard let subject = hits.last(where: { $0.end <= hit.first }), hit.first - subject.end <= Self.subjectReach,
            subject.phrase.type == .meeting
        else { return false }
        var k = subject.end
        while k < hit.first {
            let t = tokens[k]
            if t.text == "," {
                // ", which opened", ", held in" (the comma right before the verb), and the commas of
                // a list inside the noun phrase ("on trade, economic and technical cooperation").
                if k + 1 == hit.first { return true }
                let next = tokens[k + 1]
                if ["which", "that"].contains(next.lower) {
                    k += 2
                    continue
                }
                guard next.kind == .word, !next.isCapitalized, !Self.clauseWords.contains(next.lower),
                    !Self.determiners.contains(next.lower), !Self.nounDeterminers.contains(next.lower)
                else { return false }
                k += 1
                continue
            }
            if t.kind == .punct && !PatternContext.dashes.contains(t.text) { return false }
            if Self.subjectBreakers.contains(t.lower) { return false }
            k += 1
        }
        return true
    }

    /// How far a subject noun may stand before its verb: "the 11th meeting of the … working group on
    /// trade and economic cooperation, which opened".
    static let subjectReach = 15
    /// Words that part a subject from its verb: a clause word, but not the auxiliaries or the
    /// "and" of "trade and economic cooperation".
    static let subjectBreakers = clauseWords.subtracting(["is", "are", "was", "were", "will", "and", "or"])

    /// A name right after `k` ("the Russian Far East", "Pyongyang"), not a date ("was in May").
    func namesPlace(_ tokens: [Token], after k: Int, _ inMention: [Bool]) -> Bool {
        let j = k < tokens.count && tokens[k].lower == "the" ? k + 1 : k
        return j < tokens.count && tokens[j].isCapitalized && !inMention[j]
    }

    /// "This Announcement shall come into force …", "under these Regulations": a document naming
    /// itself, not a happening.
    func isSelfReference(_ tokens: [Token], _ k: Int) -> Bool {
        guard k > 0, tokens[k].isCapitalized else { return false }
        let before = tokens[k - 1].lower
        return before == "this" || before == "these" || (before == "present" && k > 1 && tokens[k - 2].lower == "the")
    }

    /// Words between a trigger and an object noun it governs: "talks on a draft rail supply contract".
    static let objectReach = 6
    /// Words that end a noun phrase: an object noun after one of these has a clause of its own.
    static let clauseWords: Set<String> = [
        "and", "or", "but", "that", "which", "who", "while", "when", "where", "as", "is", "are", "was", "were",
        "will", "has", "have", "had",
    ]

    /// A capitalised trigger inside a Title-Case name ("the Border Opening and Cooperation Zone").
    func isInsideName(_ tokens: [Token], _ k: Int) -> Bool {
        guard k > 0, k + 1 < tokens.count, tokens[k].isCapitalized, tokens[k - 1].isCapitalized else { return false }
        let next = tokens[k + 1]
        return next.isCapitalized
            || (cues.contains(.titleConnector, next.lower) && k + 2 < tokens.count && tokens[k + 2].isCapitalized)
    }

    /// A trigger in a setting phrase ("at a session of …", "during the summit"): it does not take a
    /// reporting verb's date away from it.
    func isSetting(_ tokens: [Token], _ first: Int) -> Bool {
        (max(0, first - 3)..<first).contains { ["at", "during"].contains(tokens[$0].lower) }
    }

    /// A date in a dateline: "SHENYANG, Oct. 21 --", "Pyongyang, October 23 (KCNA)".
    func isDateline(_ tokens: [Token], _ m: TemporalMention) -> Bool {
        guard m.first >= 2, m.first <= 6, tokens[m.first - 1].text == ",", m.end < tokens.count,
            ["-", "\u{2014}", "\u{2013}", "("].contains(tokens[m.end].text)
        else { return false }
        return (0..<(m.first - 1)).allSatisfy { tokens[$0].isCapitalized || tokens[$0].text == "-" }
    }

    /// A noun trigger heading the noun phrase a relative clause follows: "the 11th meeting of the
    /// working group on trade, which opened on Wednesday". It stands after a determiner or an
    /// ordinal, with no barrier and no other verb-like trigger up to the comma.
    func isAntecedentHead(_ tokens: [Token], _ trigger: Range<Int>, comma: Int) -> Bool {
        guard trigger.lowerBound > 0, trigger.upperBound <= comma,
            clause(tokens, around: trigger).upperBound == comma
        else { return false }
        let before = tokens[trigger.lowerBound - 1]
        let ordinalSuffix =
            trigger.lowerBound >= 2 && tokens[trigger.lowerBound - 2].kind == .number
            && ["st", "nd", "rd", "th"].contains(before.lower)
        return Self.nounDeterminers.contains(before.lower) || ordinals.contains(before.lower) || ordinalSuffix
            || before.kind == .number
    }

    /// "signed the deal on the sidelines of the forum, which opened on Monday": the trigger happened
    /// during the happening the relative clause dates.
    func isDuringAntecedent(_ tokens: [Token], _ trigger: Range<Int>, comma: Int) -> Bool {
        guard trigger.upperBound < comma, comma - trigger.upperBound <= Self.duringReach,
            clause(tokens, around: trigger).upperBound == comma
        else { return false }
        return tokens[trigger.upperBound..<comma].contains { Self.duringWords.contains($0.lower) }
    }

    static let duringReach = 12
    static let duringWords: Set<String> = ["sidelines", "during", "amid"]

    /// A verb that is also a noun, used as a noun: after a determiner or a superlative ("the
    /// clearest sign"), or after a determiner and an adjective of a telling ending ("a worrisome sign").
    func isNounUse(_ tokens: [Token], _ first: Int) -> Bool {
        guard first > 0 else { return false }
        let before = tokens[first - 1].lower
        if Self.determiners.contains(before) || before.hasSuffix("est") { return true }
        return first > 1 && Self.determiners.contains(tokens[first - 2].lower)
            && Self.adjectiveEndings.contains { before.hasSuffix($0) }
    }

    static let adjectiveEndings = ["some", "ful", "ous", "ive", "ble"]

    /// "The summit was postponed", "the expo will not be held", "cancelled the visit": a happening
    /// called off, with at most `cancellationReach` words (auxiliaries, a determiner) between.
    func isCalledOff(_ tokens: [Token], _ hit: TriggerHit) -> Bool {
        var k = hit.end
        while k < min(tokens.count, hit.end + Self.cancellationReach), tokens[k].kind == .word {
            if cues.endsBefore(.cancellation, in: tokens, k + 1) { return true }
            k += 1
        }
        var j = hit.first
        while j > 0, hit.first - j <= Self.cancellationReach, tokens[j - 1].kind == .word {
            if cues.endsBefore(.cancellation, in: tokens, j) { return true }
            j -= 1
        }
        return false
    }

    static let cancellationReach = 4

    /// Whether the trigger stands in what is reported after the date's saying: "announced on 2 August
    /// that the corridor would open", "told reporters on 16 April that talks would continue", "on
    /// 3 April, the governor said the crossing would reopen".
    func reportsAfter(_ tokens: [Token], _ hits: [TriggerHit], _ date: TemporalMention, _ hit: TriggerHit) -> Bool {
        let between = date.end..<hit.first
        if between.contains(where: { tokens[$0].lower == "that" }) {
            if hits.contains(where: { $0.phrase.reporting && $0.end <= date.first }) { return true }
            let before = max(0, date.first - Self.speechReach)..<date.first
            if before.contains(where: { cues.contains(.speech, tokens[$0].lower) }) { return true }
        }
        return hit.first > 0 && Self.reportedModals.contains(tokens[hit.first - 1].lower)
            && between.contains(where: { cues.contains(.speech, tokens[$0].lower) })
    }

    static let speechReach = 4
    static let reportedModals: Set<String> = ["would", "will", "could", "should", "might"]

    /// The index just past the relative clause that starts at `start`.
    func clauseEnd(_ scopes: [Int], _ start: Int) -> Int {
        var k = start
        while k < scopes.count, scopes[k] == start { k += 1 }
        return k
    }

    /// For each token, the start of the relative clause it stands in (", which … ,"), or -1.
    func relativeClauses(_ tokens: [Token]) -> [Int] {
        var scopes = [Int](repeating: -1, count: tokens.count)
        var k = 1
        while k < tokens.count {
            guard tokens[k - 1].text == ",", Self.clauseRelatives.contains(tokens[k].lower) else {
                k += 1
                continue
            }
            let start = k
            while k < tokens.count, !isBarrier(tokens, k), !Self.hardBarriers.contains(tokens[k].text) {
                scopes[k] = start
                k += 1
            }
        }
        return scopes
    }

    /// A trigger that ends a Title-Case name with no ordinal or number in it: an institution
    /// ("the Jilin Provincial People's Congress"), not a meeting ("the 20th Party Congress").
    func isInstitutionName(_ tokens: [Token], _ first: Int) -> Bool {
        guard tokens[first].isCapitalized else { return false }
        var k = first - 1
        var capitals = 0
        while k >= 0, tokens[k].isCapitalized || tokens[k].lower == "'s" {
            if ordinals.contains(tokens[k].lower) { return false }
            if tokens[k].isCapitalized { capitals += 1 }
            k -= 1
        }
        // "20th", "3rd": a number and its suffix.
        if k >= 0,
            tokens[k].kind == .number || ordinals.contains(tokens[k].lower)
                || (k >= 1 && tokens[k - 1].kind == .number && ["st", "nd", "rd", "th"].contains(tokens[k].lower))
        {
            return false
        }
        return capitals > 0
    }

    /// "the 20th anniversary of the signing of the Treaty": the trigger names what is commemorated.
    func isCommemorated(_ tokens: [Token], _ first: Int) -> Bool {
        var k = first - 1
        while k >= 1, first - k <= Self.commemorationReach, !isBarrier(tokens, k) {
            if tokens[k].lower == "of", cues.contains(.commemoration, tokens[k - 1].lower) { return true }
            k -= 1
        }
        return false
    }

    /// A trigger noun after a relational cue and a determiner: "ahead of the talks", "before the
    /// summit", "under the new agreement".
    func isRelated(_ tokens: [Token], _ first: Int) -> Bool {
        var k = first
        // "under the new agreement": an adjective (cues.tsv) may stand after the determiner.
        if k > 1, cues.contains(.adjective, tokens[k - 1].lower), Self.nounDeterminers.contains(tokens[k - 2].lower) {
            k -= 1
        }
        if k > 0, Self.nounDeterminers.contains(tokens[k - 1].lower) { k -= 1 }
        guard k < first else { return false }
        return cues.endsBefore(.relational, in: tokens, k)
    }

    /// A date fronted before the main clause ("In May 2012, the mayor, speaking at length, proposed …")
    /// governs the whole sentence: it reaches triggers beyond the usual distance, but not across `;`.
    func frontedCost(_ tokens: [Token], _ trigger: Range<Int>, _ date: TemporalMention, near: Bool) -> Int? {
        // "In May 2012, the mayor …", and a chronology's "December 1995 — five states sign …".
        guard !near, date.first <= 1, date.end < tokens.count, Self.frontingMarks.contains(tokens[date.end].text),
            // A dash only with a space before it: "December 1995 — …", not a span's "1995–2001".
            !PatternContext.dashes.contains(tokens[date.end].text) || tokens[date.end].spaceBefore,
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
        // An en dash touching both words joins them: "the Heilongjiang–Amur roundtable", "2021–2035".
        if t.text == "\u{2013}", !t.spaceBefore, k + 1 < tokens.count, !tokens[k + 1].spaceBefore { return false }
        return Self.barriers.contains(t.text) || (PatternContext.dashes.contains(t.text) && t.spaceBefore)
    }

    /// A figure rather than a happening. Numbers and quantity words alone do not make one
    /// ("the $2 billion bridge opened"); it takes
    /// - a change or measure verb governing a number or quantity ("rose 9 percent", "reached 4,250")
    ///   that stands between the trigger and the date, or nearer the date in the date's clause
    ///   ("trade at the fair rose 20 percent in 2023"), or
    /// - a counted plural as the trigger's subject ("4,250 firms were established in 2023").
    func isStatistic(_ tokens: [Token], inMention: [Bool], _ trigger: Range<Int>, _ date: Range<Int>) -> Bool {
        // "entries had passed 600,000": the trigger itself states a figure.
        if trigger.count == 1, cues.contains(.statistic, tokens[trigger.lowerBound].lower),
            governsFigure(tokens, inMention: inMention, trigger.lowerBound)
        {
            return true
        }
        let dateClause = clause(tokens, around: date)
        func distance(_ k: Int) -> Int { k < date.lowerBound ? date.lowerBound - k : k - date.upperBound + 1 }
        let triggerDistance = min(distance(trigger.lowerBound), distance(trigger.upperBound - 1))
        for s in 0..<tokens.count where tokens[s].kind == .word && !inMention[s] {
            guard cues.contains(.statistic, tokens[s].lower), governsFigure(tokens, inMention: inMention, s) else {
                continue
            }
            if Self.between(s, trigger, date) || (dateClause.contains(s) && distance(s) < triggerDistance) {
                return true
            }
        }
        // "rose to 800,000 trips in 2024": the trigger is the unit of a figure.
        let n = trigger.lowerBound - 1
        if n >= 1, tokens[n].kind == .number, !inMention[n],
            (max(0, n - Self.statisticReach)..<n).contains(where: {
                cues.contains(.statistic, tokens[$0].lower) && governsFigure(tokens, inMention: inMention, $0)
                    && !(($0 + 1)..<n).contains(where: { isBarrier(tokens, $0) })
            })
        {
            return true
        }
        // "three million cross-border trips a year": a count at a rate.
        if tokens[trigger.upperBound - 1].lower.hasSuffix("s"), cues.startsAt(.rate, in: tokens, trigger.upperBound) {
            return true
        }
        return countedSubject(tokens, inMention: inMention, trigger)
    }

    /// A number or quantity word within `statisticReach` tokens after the verb at `s`, in its clause.
    func governsFigure(_ tokens: [Token], inMention: [Bool], _ s: Int) -> Bool {
        var k = s + 1
        while k < min(tokens.count, s + 1 + Self.statisticReach), !isBarrier(tokens, k),
            !Self.hardBarriers.contains(tokens[k].text)
        {
            if inMention[k] { return false }
            if tokens[k].kind == .number || cues.contains(.quantity, tokens[k].lower) { return true }
            k += 1
        }
        return false
    }

    /// "4,250 firms were established", "120 enterprises opened": a number right before a plural noun,
    /// with only words, at most `countedReach` of them, up to the trigger.
    func countedSubject(_ tokens: [Token], inMention: [Bool], _ trigger: Range<Int>) -> Bool {
        // Back over the subject's words to a number: "1,500 Russian tourists visited".
        var k = trigger.lowerBound - 1
        var plural = false
        while k >= 0, trigger.lowerBound - k <= Self.countedReach, tokens[k].kind == .word {
            plural = plural || tokens[k].lower.hasSuffix("s")
            let n = k - 1
            if n >= 0, tokens[n].kind == .number, !inMention[n], plural { return true }
            k -= 1
        }
        return false
    }

    /// An authority before the trigger in its clause ("the State Council issued"), or as its
    /// `by` agent ("was released by the provincial government").
    func hasAuthoritySubject(_ tokens: [Token], _ trigger: Range<Int>) -> Bool {
        let c = clause(tokens, around: trigger)
        let lo = max(c.lowerBound, trigger.lowerBound - Self.documentWindow)
        if cues.occurs(.authority, in: tokens, lo..<trigger.lowerBound) { return true }
        for k in trigger.upperBound..<min(c.upperBound, trigger.upperBound + Self.agentReach)
        where tokens[k].lower == "by" {
            return cues.occurs(.authority, in: tokens, (k + 1)..<min(c.upperBound, k + 1 + Self.agentLength))
        }
        return false
    }

    /// A trigger noun that titles a numbered instrument ("Announcement No. 87 of 2022", "Order
    /// No. 512-r"): an authority's regulation, issued, so an approval whatever the noun.
    func isNumberedInstrument(_ tokens: [Token], _ trigger: Range<Int>) -> Bool {
        var k = trigger.upperBound
        guard k < tokens.count, tokens[trigger.upperBound - 1].isCapitalized, tokens[k].isCapitalized,
            PatternContext.numberSigns.contains(tokens[k].lower)
        else { return false }
        k += 1
        if k < tokens.count, tokens[k].text == "." { k += 1 }
        return k < tokens.count && tokens[k].kind == .number
    }

    /// "published its draft amendments": an object not yet adopted is made public, not approved.
    func objectIsUnfinished(_ tokens: [Token], _ trigger: Range<Int>) -> Bool {
        var k = trigger.upperBound
        while k < tokens.count, Self.nounDeterminers.contains(tokens[k].lower) { k += 1 }
        return k < tokens.count && cues.contains(.unfinished, tokens[k].lower)
    }

    /// A report, statement or figures as the object: published, but not approved.
    func objectIsReport(_ tokens: [Token], _ trigger: Range<Int>) -> Bool {
        let c = clause(tokens, around: trigger)
        return cues.occurs(.reportNoun, in: tokens, trigger.upperBound..<min(c.upperBound, trigger.upperBound + 4))
    }

    /// A Title-Case document name as the object: "released the Rules for Border Markets",
    /// "issued the Outline of the …": two capitalised words joined by a title connector,
    /// not an authority's own name.
    func objectIsTitle(_ tokens: [Token], _ trigger: Range<Int>) -> Bool {
        var k = trigger.upperBound
        while k < tokens.count, Self.determiners.contains(tokens[k].lower) { k += 1 }
        guard k < tokens.count, tokens[k].isCapitalized, !cues.contains(.authority, tokens[k].lower) else {
            return false
        }
        var capitals = 1
        var joined = false
        var j = k + 1
        while j < tokens.count {
            let t = tokens[j]
            if t.isCapitalized {
                capitals += 1
                if cues.contains(.titleConnector, tokens[j - 1].lower) { joined = true }
            } else if t.kind == .number || t.lower == "the" || cues.contains(.titleConnector, t.lower)
                || (PatternContext.dashes.contains(t.text) && !t.spaceBefore)
            {
                // inside the name
            } else {
                break
            }
            j += 1
        }
        return capitals >= 2 && joined
    }

    /// A movement cue after the trigger in its clause: "the delegation was in Yanji", "a delegation … arrived".
    func followedByMovement(_ tokens: [Token], _ trigger: Range<Int>) -> Bool {
        let c = clause(tokens, around: trigger)
        return cues.occurs(
            .movement,
            in: tokens,
            trigger.upperBound..<min(c.upperBound, trigger.upperBound + Self.documentWindow)
        )
    }

    /// "The first batch of soybeans arrived", "a container train arrived": the subject before the
    /// visit word, in its clause, is freight.
    func movesFreight(_ tokens: [Token], _ first: Int) -> Bool {
        let c = clause(tokens, around: first..<(first + 1))
        let lo = max(c.lowerBound, first - Self.freightReach)
        return cues.occurs(.freight, in: tokens, lo..<first)
    }

    static let freightReach = 6

    /// A policy-document noun near the trigger, in its clause; in a relative clause
    /// ("the rules, which were released") the noun before its comma.
    /// "Heilongjiang and Amur signed a cooperation programme", "signed … with Amur": a document
    /// two sides sign is an agreement between them, not one authority's approval.
    func hasTwoParties(_ tokens: [Token], _ trigger: Range<Int>) -> Bool {
        let c = clause(tokens, around: trigger)
        if (c.lowerBound..<trigger.lowerBound).contains(where: { Self.partyWords.contains(tokens[$0].lower) }) {
            return true
        }
        let hi = min(c.upperBound, trigger.upperBound + Self.documentWindow)
        return (trigger.upperBound..<hi).contains { tokens[$0].lower == "with" }
    }

    /// "an agreement signed in June 2019", "signed a memorandum": what is signed is an agreement.
    func signsAgreement(_ hits: [TriggerHit], _ hit: TriggerHit) -> Bool {
        hits.contains { h in
            h.phrase.type == .agreement && h.phrase.objectNoun
                && (h.end <= hit.first ? hit.first - h.end <= 1 : h.first >= hit.end && h.first - hit.end <= 3)
        }
    }

    /// Verbs that make a date at the head of a sentence its subject ("2023 was …").
    static let copulas: Set<String> = ["was", "is", "will", "has", "had", "remains", "remained"]

    /// Words of a subject that names two or more parties.
    static let partyWords: Set<String> = [
        "and", "sides", "parties", "both", "governments", "countries", "leaders", "nations",
    ]

    func namesDocument(_ tokens: [Token], around trigger: Range<Int>) -> Bool {
        let c = clause(tokens, around: trigger)
        let lo = max(c.lowerBound, trigger.lowerBound - Self.documentWindow)
        let hi = min(c.upperBound, trigger.upperBound + Self.documentWindow)
        // "published a draft regulation for comment": not yet adopted.
        if (lo..<hi).contains(where: {
            cues.contains(.policyDocument, tokens[$0].lower)
                && !($0 > 0 && cues.contains(.unfinished, tokens[$0 - 1].lower))
        }) {
            return true
        }
        let comma = c.lowerBound - 1
        guard comma >= 1, tokens[comma].text == ",", c.lowerBound < tokens.count,
            Self.relativePronouns.contains(tokens[c.lowerBound].lower)
        else { return false }
        return cues.contains(.policyDocument, tokens[comma - 1].lower)
    }
}
