/// A pattern rule read from a data file (`Resources/<lang>/patterns.txt`), compiled into a list of
/// token tests: `DAY of? MONTH ,? YEAR` → `day(year, month, day)`.
///
/// Matching is greedy and never backtracks: an optional element that matches is taken, as the
/// hand-written patterns did. See `Resources/README.md` for the language.
///
/// A class: the tagger tries many rules at each token, and copying a struct of arrays for each
/// try would retain and release every array.
final class DataPattern: Sendable {
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

    init(elements: [Element], before: Set<String>?, value: PatternValue, isDaySpan: Bool) {
        self.elements = elements
        self.before = before
        self.value = value
        self.isDaySpan = isDaySpan
    }

    func match(_ c: PatternContext, _ i: Int) -> PatternMatch? {
        if let before, !c.word(i - 1, in: before) { return nil }
        // Through the buffer: iterating the array would copy (and retain) each element.
        return elements.withUnsafeBufferPointer { elements in
            matchElements(elements, c, i)
        }
    }

    @inline(__always)
    private func matchElements(
        _ elements: UnsafeBufferPointer<Element>,
        _ c: PatternContext,
        _ i: Int
    ) -> PatternMatch? {
        var k = i
        var captures = PatternCaptures()
        // `elements[n].x` reads in place; `let e = elements[n]` would copy the element.
        for n in elements.indices {
            if elements[n].negated {
                if elements[n].match(c, k) != nil { return nil }
                continue
            }
            guard let (v, l) = elements[n].match(c, k), !elements[n].touchesPrevious || c.touching(k - 1) else {
                if elements[n].optional { continue }
                return nil
            }
            if let slot = elements[n].slot {
                captures.values[slot] = v
                captures.positions[slot] = k
            }
            k += l
        }
        guard k > i, let reference = value.build(c, captures) else { return nil }
        return PatternMatch(length: k - i, reference: reference, isDaySpan: isDaySpan)
    }
}
