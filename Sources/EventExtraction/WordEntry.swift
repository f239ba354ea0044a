import TimelineCore

/// What the date lexicon says about one lower-case word, gathered from every table so that the
/// tagger looks a token up once (`PatternContext.entries`) instead of once per pattern and table.
/// Plain values only (no strings), so copying an entry costs no reference counting.
struct WordEntry: Sendable {
    var month: Int8 = 0
    var monthCapitalizedOnly = false
    /// The longest name of its month (`september`, not `sept`).
    var fullMonthName = false
    var weekday: Int8 = 0
    var weekdayCapitalizedOnly = false
    /// Cardinal number word value, or -1.
    var number: Int32 = -1
    /// A count after "a": `few`, `couple`.
    var countAfterA = false
    var ordinal: Int16 = 0
    var season: TimexValue.Season?
    /// Index into `WordEntry.units` + 1, or 0.
    var unitCode: UInt8 = 0
    var relative: Int8?
    var shiftSign: Int8 = 0
    var shiftFromPrevious = false
    /// Index into `WordEntry.dayParts` + 1, or 0.
    var dayPartCode: UInt8 = 0
    var quantityUnit = false
    var yearMarker = false
    var timeZone = false
    var afterReference = false
    /// Some pattern or modifier may start at this word.
    var startsExpression = false
    /// A modifier phrase (`modifiers.tsv`) may start at this word.
    var startsModifier = false
    /// Which kinds of pattern may start here (`TemporalPattern.Starts`).
    var starts: TemporalPattern.Starts = []
    /// The rules that may start here: an index into the tagger's rule lists (0: none).
    var ruleList: UInt16 = 0
    /// The modifier phrases that start with this word: an index into the tagger's modifier lists
    /// (0: none), so that no token is compared with every phrase.
    var modifierList: UInt16 = 0
    /// The `deictic.tsv` phrases that start with this word: an index + 1 into
    /// `WordTable.deicticPhrases` (0: none), found without hashing the word again.
    var deicticPhraseList: UInt16 = 0
    /// A one-word key of `deictic.tsv`, a key of `clock-words.tsv`: the tables are hashed only then.
    var deicticWord = false
    var clockWord = false

    static let none = WordEntry()

    /// The unit codes of `units.tsv` and the parts of `day-parts.tsv`, in code order.
    static let units = Array(DateLexicon.unitValues).sorted()
    static let dayParts = DateLexicon.dayPartValues

    var unit: String? { unitCode == 0 ? nil : Self.units[Int(unitCode) - 1] }
    var dayPart: String? { dayPartCode == 0 ? nil : Self.dayParts[Int(dayPartCode) - 1] }
    var shift: (sign: Int, fromPrevious: Bool)? { shiftSign == 0 ? nil : (Int(shiftSign), shiftFromPrevious) }
}

extension DateLexicon {
    /// Every word of every table, with what each table says about it.
    /// - Parameter startWords: words the patterns start with besides the tables' first words.
    func wordTable(startWords: Set<String>) -> [String: WordEntry] {
        var table: [String: WordEntry] = [:]
        func update(_ word: String, _ body: (inout WordEntry) -> Void) {
            body(&table[word, default: WordEntry()])
        }
        for (k, e) in months {
            update(k) {
                $0.month = Int8(e.value)
                $0.monthCapitalizedOnly = e.capitalizedOnly
                $0.fullMonthName = fullMonthNames.contains(k)
            }
        }
        for (k, e) in weekdays {
            update(k) {
                $0.weekday = Int8(e.value)
                $0.weekdayCapitalizedOnly = e.capitalizedOnly
            }
        }
        for (k, v) in numbers { update(k) { $0.number = Int32(v) } }
        for k in countsAfterA { update(k) { $0.countAfterA = true } }
        for (k, v) in ordinals { update(k) { $0.ordinal = Int16(v) } }
        for (k, v) in seasons { update(k) { $0.season = v } }
        for (k, v) in units {
            update(k) { $0.unitCode = UInt8(WordEntry.units.firstIndex(of: v)! + 1) }
        }
        for (k, v) in relative { update(k) { $0.relative = Int8(v) } }
        for (k, v) in shifts {
            update(k) {
                $0.shiftSign = Int8(v.sign)
                $0.shiftFromPrevious = v.fromPrevious
            }
        }
        for (k, v) in dayParts {
            update(k) { $0.dayPartCode = UInt8(WordEntry.dayParts.firstIndex(of: v)! + 1) }
        }
        for k in quantityUnits { update(k) { $0.quantityUnit = true } }
        for k in yearMarkers { update(k) { $0.yearMarker = true } }
        for k in timeZones { update(k) { $0.timeZone = true } }
        for k in afterReference { update(k) { $0.afterReference = true } }
        for k in deictic.keys { update(k) { $0.deicticWord = true } }
        for k in clockWords.keys { update(k) { $0.clockWord = true } }
        var starts = startWords
        for keys in [
            Array(months.keys), Array(weekdays.keys), Array(numbers.keys), Array(ordinals.keys),
            Array(seasons.keys), Array(relative.keys), Array(deictic.keys), Array(sets.keys),
            Array(modifiers.keys), Array(deicticPhrases.keys), Array(clockWords.keys),
        ] {
            for key in keys { starts.insert(String(key.split(separator: " ").first ?? "")) }
        }
        for k in starts { update(k) { $0.startsExpression = true } }
        typealias S = TemporalPattern.Starts
        func mark(_ keys: some Sequence<String>, _ s: S) {
            for k in keys { update(String(k.split(separator: " ").first ?? "")) { $0.starts.insert(s) } }
        }
        mark(["the"], .the)
        mark(numbers.keys, .count)
        mark(months.keys, .month)
        mark(weekdays.keys, .weekday)
        mark(relative.keys, .relative)
        mark(seasons.keys, .season)
        mark(ordinals.keys, .ordinal)
        mark(units.keys, .unit)
        mark(deictic.keys, .deictic)
        mark(deicticPhrases.keys, .deictic)
        mark(clockWords.keys, .deictic)
        mark(sets.keys, .frequency)
        mark(["every", "each"], .frequency)
        mark(["fiscal"], .fiscal)
        mark(TemporalPattern.durationWords, .durationWord)
        mark(["q", "h"], .letterQH)
        mark(shifts.keys, .shift)
        mark(dayParts.keys, .dayPart)
        mark(["that"], .that)
        return table
    }
}
