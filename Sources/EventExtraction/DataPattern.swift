/// A pattern rule read from a data file (`Resources/<lang>/patterns.txt`), compiled into a list of
/// token tests: `DAY of? MONTH ,? YEAR` → `day(year, month, day)`.
///
/// Matching is greedy and never backtracks: an optional element that matches is taken, as the
/// hand-written patterns did. See `Resources/README.md` for the language.
///
/// A class: the tagger tries many rules at each token, and copying a struct of arrays for each
/// try would retain and release every array. `@unchecked Sendable`: `steps` is written only in
/// `init` and freed in `deinit`.
final class DataPattern: @unchecked Sendable {
    struct Element: Sendable {
        enum Test: Sendable {
            /// Lower-case literals: any one of them (a list: most hold one or two words, and comparing
            /// their lengths first is cheaper than hashing the token).
            case words([String])
            case wordClass(WordClass, allowed: Set<Int>?)
        }
        var test: Test
        var optional = false
        /// `~` before it: no space between the previous token and this one.
        var touchesPrevious = false
        /// `!x`: a zero-width test that the token here is not `x`.
        var negated = false
        /// The capture slot of a class, if its value is used.
        var slot: Int?

        /// Tokens used when the element matches at `i`, and the value captured.
        @inline(__always)
        func match(_ c: PatternContext, _ i: Int) -> (Int, Int)? {
            switch test {
            case .words(let words):
                for w in words where c.word(i, w) { return (0, 1) }
                return nil
            case .wordClass(let cls, let allowed):
                guard let (v, l) = cls.match(c, i) else { return nil }
                if let allowed, !allowed.contains(v) { return nil }
                return (v, l)
            }
        }
    }

    let elements: [Element]
    /// `<a|b` at the start: the token before the match must be one of these words.
    let before: Set<String>?
    let value: PatternValue
    /// `span` flag: a span of days (`23-25 October`), dated by its first day.
    let isDaySpan: Bool

    /// What the matcher reads of an element: plain values only, so that reading one retains
    /// nothing (an `Element`'s test holds an array or a set, retained at each switch over it).
    private struct Step {
        /// The class to match, or `nil` for literal words `literals[wordsStart..<wordsEnd]`.
        var cls: WordClass?
        /// Index into `allowedSets` + 1, or 0: any value of the class.
        var allowed: Int32
        var wordsStart: Int32
        var wordsEnd: Int32
        var optional: Bool
        var touchesPrevious: Bool
        var negated: Bool
        /// The capture slot, or -1.
        var slot: Int8
    }

    /// The elements as steps, allocated once: iterating an array held by the class would retain it
    /// at every try.
    private let steps: UnsafeMutableBufferPointer<Step>
    private let literals: [String]
    private let allowedSets: [Set<Int>]
    /// `before` as a list: one or a few words, compared by length first instead of hashed.
    private let beforeWords: [String]?

    init(elements: [Element], before: Set<String>?, value: PatternValue, isDaySpan: Bool) {
        self.elements = elements
        self.before = before
        self.value = value
        self.isDaySpan = isDaySpan
        beforeWords = before.map { Array($0) }
        var literals: [String] = []
        var allowedSets: [Set<Int>] = []
        steps = .allocate(capacity: elements.count)
        for (n, e) in elements.enumerated() {
            var step = Step(
                cls: nil,
                allowed: 0,
                wordsStart: Int32(literals.count),
                wordsEnd: Int32(literals.count),
                optional: e.optional,
                touchesPrevious: e.touchesPrevious,
                negated: e.negated,
                slot: Int8(e.slot ?? -1)
            )
            switch e.test {
            case .words(let words):
                literals += words
                step.wordsEnd = Int32(literals.count)
            case .wordClass(let cls, let allowed):
                step.cls = cls
                if let allowed {
                    allowedSets.append(allowed)
                    step.allowed = Int32(allowedSets.count)
                }
            }
            steps.initializeElement(at: n, to: step)
        }
        self.literals = literals
        self.allowedSets = allowedSets
    }

    deinit { steps.deallocate() }

    /// Whether the pattern can match at a number token of `digits` digits: `false` only when its
    /// first token test cannot take such a token (the tagger then skips it at such numbers).
    func mayStart(atNumberOf digits: Int) -> Bool {
        for e in elements where !e.negated {
            let fits: Bool
            switch e.test {
            case .words(let words): fits = words.contains { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
            case .wordClass(let cls, _): fits = cls.mayMatch(numberOf: digits)
            }
            if fits { return true }
            if !e.optional { return false }
        }
        return true
    }

    func match(_ c: PatternContext, _ i: Int) -> PatternMatch? {
        if let beforeWords, !beforeWords.contains(where: { c.word(i - 1, $0) }) { return nil }
        var k = i
        var captures = PatternCaptures()
        for n in steps.indices {
            if steps[n].negated {
                if matchStep(n, c, k) != nil { return nil }
                continue
            }
            guard let (v, l) = matchStep(n, c, k), !steps[n].touchesPrevious || c.touching(k - 1) else {
                if steps[n].optional { continue }
                return nil
            }
            let slot = Int(steps[n].slot)
            if slot >= 0 {
                captures.values[slot] = v
                captures.positions[slot] = k
            }
            k += l
        }
        guard k > i, let reference = value.build(c, captures) else { return nil }
        return PatternMatch(length: k - i, reference: reference, isDaySpan: isDaySpan)
    }

    /// `Element.match` of step `n`: tokens used when it matches at `i`, and the value captured.
    @inline(__always)
    private func matchStep(_ n: Int, _ c: PatternContext, _ i: Int) -> (Int, Int)? {
        guard let cls = steps[n].cls else {
            for w in Int(steps[n].wordsStart)..<Int(steps[n].wordsEnd) where c.word(i, literals[w]) { return (0, 1) }
            return nil
        }
        guard let (v, l) = cls.match(c, i) else { return nil }
        let allowed = Int(steps[n].allowed)
        if allowed > 0, !allowedSets[allowed - 1].contains(v) { return nil }
        return (v, l)
    }
}
