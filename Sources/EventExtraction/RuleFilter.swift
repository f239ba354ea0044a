/// A test the tagger runs before trying a pattern rule: each token is classified once
/// (`features`: what its word-table entry marks it as, its kind and count of digits), and a rule
/// whose first few elements need tokens that are not where they could stand is not tried.
///
/// Conservative by construction: an element's mask holds every feature a token it matches can
/// have, and the window of positions it can stand at counts the most tokens each element before
/// it can take; so a rule the filter turns away would not have matched. At `the`, most of the
/// two dozen rules that can start with it are turned away this way (`the? SEASON`, `the weeks ahead`).
struct RuleFilter: Sendable {
    /// A token feature bit set: the low 32 bits are the entry's `TemporalPattern.Starts`.
    typealias Features = UInt64

    static let numberUpTo2: Features = 1 << 32
    static let number1: Features = 1 << 33
    static let number4: Features = 1 << 34
    static let numberUpTo4: Features = 1 << 35
    /// A number whose value is read (at most 9 digits).
    static let numberValued: Features = 1 << 36
    static let punct: Features = 1 << 37
    /// Any token that is not a word (number, punctuation, ideograph).
    static let notWord: Features = 1 << 38
    /// The word `a` (`a few`, `a couple of`).
    static let wordA: Features = 1 << 39
    static let all: Features = .max

    /// One test: some token in `first...last` positions after the start has a feature of `mask`.
    private struct Test: Sendable {
        var first: Int
        var last: Int
        var mask: Features
    }

    /// Inline, not an array: the tagger reads them at every try, and an array would be retained.
    private var tests = InlineArray<3, Test>(repeating: Test(first: 0, last: 0, mask: all))
    private var count = 0

    /// Elements are tested only while their window is this narrow (and at most `tests.count`).
    private static let maximumWindow = 4

    /// The features of a token, with its word-table entry (`.none` for any other than a word).
    @inline(__always)
    static func features(_ token: Token, _ entry: WordEntry) -> Features {
        switch token.kind {
        case .word:
            var f = Features(entry.starts.rawValue)
            if token.end - token.start == 1, token.lower == "a" { f |= wordA }
            return f
        case .number:
            let digits = token.end - token.start
            var f = notWord
            if digits <= 2 { f |= numberUpTo2 }
            if digits == 1 { f |= number1 }
            if digits == 4 { f |= number4 }
            if digits <= 4 { f |= numberUpTo4 }
            if token.value >= 0 { f |= numberValued }
            return f
        case .punct: return notWord | punct
        case .ideograph: return notWord
        }
    }

    /// A filter that admits every token.
    init() {}

    /// The filter of a data pattern.
    /// - Parameter table: the tagger's word table, for literal words.
    init(_ pattern: DataPattern, table: [String: WordEntry]) {
        var first = 0
        var last = 0
        for e in pattern.elements where !e.negated {
            if count == tests.count || last - first > Self.maximumWindow { break }
            let (mask, span) = Self.maskAndSpan(e.test, table)
            if !e.optional {
                if mask != Self.all {
                    tests[count] = Test(first: first, last: last, mask: mask)
                    count += 1
                }
                // Every class takes at least one token when it matches.
                first += 1
            }
            last += span
        }
    }

    /// Whether the rule may match at `i`, by the tokens' `features`.
    @inline(__always)
    func admits(_ features: UnsafeMutableBufferPointer<Features>, at i: Int) -> Bool {
        for k in 0..<count {
            let t = tests[k]
            var found = false
            var p = i + t.first
            let end = min(i + t.last, features.count - 1)
            while p <= end {
                if features[p] & t.mask != 0 {
                    found = true
                    break
                }
                p += 1
            }
            if !found { return false }
        }
        return true
    }

    /// The features a token an element matches can have (`all`: any), and the most tokens it takes.
    private static func maskAndSpan(_ test: DataPattern.Element.Test, _ table: [String: WordEntry]) -> (Features, Int) {
        typealias S = TemporalPattern.Starts
        func starts(_ s: S) -> Features { Features(s.rawValue) }
        switch test {
        case .words(let words):
            var mask: Features = 0
            for w in words {
                if w.unicodeScalars.allSatisfy(Tokenizer.isLetter) {
                    // A word token equal to `w` has `w`'s entry; one without marks tells nothing.
                    guard let s = table[w]?.starts, !s.isEmpty else { return (all, 1) }
                    mask |= starts(s)
                } else if !w.unicodeScalars.contains(where: Tokenizer.isLetter) {
                    mask |= notWord
                } else {
                    return (all, 1)
                }
            }
            return (mask, 1)
        case .wordClass(let cls, _):
            switch cls {
            case .month, .monthName: return (starts(.month), 2)
            case .monthNumber, .dayNumber, .number2: return (numberUpTo2, 1)
            case .day: return (numberUpTo2, 2)
            case .number1: return (number1, 1)
            // A year said in words starts with a number word (`nineteen`).
            case .year: return (number4 | starts(.count), 4)
            case .yearNumber: return (number4 | starts(.count), 1)
            case .number4: return (number4, 1)
            case .weekday: return (starts(.weekday), 2)
            case .season: return (starts(.season), 1)
            case .ordinal: return (starts(.ordinal) | numberValued, 2)
            case .count: return (starts(.count) | numberUpTo4 | wordA, 3)
            case .relative: return (starts(.relative), 2)
            case .unit: return (starts(.unit), 1)
            case .shift: return (starts(.shift), 1)
            case .dayPart: return (starts(.dayPart), 1)
            case .set: return (starts(.frequency) | notWord, 1)
            case .dayName: return (starts([.relative, .weekday, .deictic]) | notWord, 4)
            case .dateUnit: return (all, 1)
            case .dash: return (punct, 1)
            case .minutes: return (punct, 2)
            }
        }
    }
}
