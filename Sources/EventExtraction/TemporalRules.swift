import Foundation

/// The temporal tagger's rules, in the order they are tried (on a tie in length the earlier wins),
/// read from pattern files: `Resources/<lang>/patterns.txt` and any user files loaded before it.
///
/// A line is a rule `NAME<TAB>PATTERN<TAB>VALUE[<TAB>FLAGS]`, a rule written in Swift
/// `NAME<TAB>code:FUNCTION` (`TemporalPattern.named`), or an example of the rule above it
/// `example<TAB>INPUT<TAB>EXPRESSION<TAB>VALUE` (the tests run every one, document date
/// 2024-05-26). Several lines may share a name: they are variants of one rule.
struct TemporalRules: Sendable {
    struct Example: Sendable {
        let input: String
        let text: String
        let value: String
    }

    struct Rule: Sendable {
        enum Body: Sendable {
            case data(DataPattern)
            case code(TemporalPattern)
        }
        let name: String
        /// `en/patterns.txt:12`, for messages.
        let source: String
        let body: Body
        /// The kinds of token the rule can start at.
        let starts: TemporalPattern.Starts
        /// Literal words the rule can start with.
        let startWords: [String]
        var examples: [Example] = []

        @inline(__always)
        func match(_ c: PatternContext, _ i: Int) -> PatternMatch? {
            switch body {
            case .data(let p): return p.match(c, i)
            case .code(let p): return p.match(c, i)
            }
        }
    }

    private(set) var rules: [Rule] = []

    init() {}

    /// Reads the rules of `files`, in order.
    /// - Throws: `ExtractionError` naming `file:line` on a line that is not a valid rule or example.
    init(files: [DataFile]) throws {
        for file in files { try read(file) }
    }

    /// The longest match of the rules called `name` at `i` (ties: the earlier rule).
    func longest(named name: String, _ c: PatternContext, at i: Int) -> PatternMatch? {
        var best: PatternMatch?
        for rule in rules where rule.name == name {
            if let m = rule.match(c, i), m.length > (best?.length ?? 0) { best = m }
        }
        return best
    }

    private mutating func read(_ file: DataFile) throws {
        var lastRuleOfFile: Int?
        for line in file.lines {
            let f = line.fields
            if f[0] == "example" {
                guard f.count == 4 else {
                    throw file.error(line, "expected example<TAB>INPUT<TAB>EXPRESSION<TAB>VALUE")
                }
                guard let r = lastRuleOfFile else { throw file.error(line, "an example needs a rule above it") }
                rules[r].examples.append(Example(input: f[1], text: f[2], value: f[3]))
                continue
            }
            let source = "\(file.name):\(line.number)"
            guard f.count >= 2, f.count <= 4 else {
                throw file.error(
                    line,
                    "expected NAME<TAB>PATTERN<TAB>VALUE[<TAB>FLAGS] or NAME<TAB>code:FUNCTION, found \(f.count) field(s)"
                )
            }
            if f[1].hasPrefix("code:") {
                let function = String(f[1].dropFirst(5))
                guard f.count == 2 else { throw file.error(line, "a code rule takes no value or flags") }
                guard let p = TemporalPattern.named[function] else {
                    throw file.error(
                        line,
                        "unknown code function '\(function)' (known: \(TemporalPattern.named.keys.sorted().joined(separator: ", ")))"
                    )
                }
                rules.append(Rule(name: f[0], source: source, body: .code(p), starts: p.starts, startWords: []))
            } else {
                guard f.count >= 3 else {
                    throw file.error(line, "a pattern needs a value: NAME<TAB>PATTERN<TAB>VALUE")
                }
                do {
                    let (p, starts, words) = try PatternCompiler.compile(
                        pattern: f[1],
                        value: f[2],
                        flags: f.count > 3 ? f[3] : ""
                    )
                    rules.append(Rule(name: f[0], source: source, body: .data(p), starts: starts, startWords: words))
                } catch {
                    throw file.error(line, error.text)
                }
            }
            lastRuleOfFile = rules.count - 1
        }
    }
}

/// Turns the text of a pattern rule into a `DataPattern`.
enum PatternCompiler {
    struct Failure: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// - Returns: the pattern, the kinds of token it can start at and the words it can start with.
    /// - Throws: `Failure` with a message for the user.
    static func compile(
        pattern: String,
        value: String,
        flags: String
    ) throws(Failure) -> (DataPattern, TemporalPattern.Starts, [String]) {
        var elements: [DataPattern.Element] = []
        var before: Set<String>?
        var slots: [String: (slot: Int, kind: WordClassKind)] = [:]
        var touchNext = false
        for raw in pattern.split(separator: " ") {
            var s = Substring(raw)
            if s == "~" {
                guard !elements.isEmpty, !touchNext else { throw Failure("'~' must stand between two elements") }
                touchNext = true
                continue
            }
            if s.hasPrefix("<"), s.count > 1 {
                guard elements.isEmpty, before == nil else {
                    throw Failure("'\(s)': a word before the expression ('<a|b') comes first in the pattern")
                }
                before = Set(try literals(s.dropFirst()))
                continue
            }
            var element = DataPattern.Element(test: .words([]))
            if s.hasPrefix("!"), s.count > 1 {
                element.negated = true
                s = s.dropFirst()
            }
            if s.hasSuffix("?"), s.count > 1 {
                element.optional = true
                s = s.dropLast()
            }
            if element.negated, element.optional { throw Failure("'\(raw)': a test ('!x') cannot be optional") }
            if let first = s.unicodeScalars.first, ("A"..."Z").contains(first) {
                var name: String?
                if let colon = s.firstIndex(of: ":") {
                    name = String(s[s.index(after: colon)...])
                    s = s[..<colon]
                    guard let n = name, !n.isEmpty, n.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                        throw Failure("'\(raw)': a capture name is letters and digits (CLASS:name)")
                    }
                }
                var allowedText: Substring?
                if let eq = s.firstIndex(of: "=") {
                    allowedText = s[s.index(after: eq)...]
                    s = s[..<eq]
                }
                guard let cls = WordClass(rawValue: String(s)) else {
                    throw Failure(
                        "unknown word class '\(s)' (known: \(WordClass.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                var allowed: Set<Int>?
                if let allowedText {
                    var set: Set<Int> = []
                    for v in allowedText.split(separator: "|", omittingEmptySubsequences: false) {
                        guard let code = cls.value(String(v)) else {
                            throw Failure("'\(v)' is not a value of \(cls.rawValue)")
                        }
                        set.insert(code)
                    }
                    allowed = set
                }
                element.test = .wordClass(cls, allowed: allowed)
                if !element.negated, cls.kind != .none {
                    let key = name ?? cls.rawValue.lowercased()
                    if slots[key] != nil {
                        throw Failure(
                            name == nil
                                ? "\(cls.rawValue) appears twice: name the second one (\(cls.rawValue):name)"
                                : "capture name '\(key)' is used twice"
                        )
                    }
                    guard slots.count < PatternCaptures.capacity else {
                        throw Failure("more than \(PatternCaptures.capacity) captures")
                    }
                    slots[key] = (slots.count, cls.kind)
                    element.slot = slots[key]!.slot
                } else if name != nil {
                    throw Failure("'\(raw)' captures nothing: \(cls.rawValue) has no value to name")
                }
            } else {
                element.test = .words(try literals(s))
            }
            element.touchesPrevious = touchNext
            touchNext = false
            elements.append(element)
        }
        if touchNext { throw Failure("'~' must stand between two elements") }
        guard elements.contains(where: { !$0.negated }) else { throw Failure("the pattern matches no token") }

        // Where it can start: the first elements up to the first one that is not optional.
        var starts: TemporalPattern.Starts = []
        var startWords: [String] = []
        for e in elements where !e.negated {
            switch e.test {
            case .words(let words):
                for w in words where !w.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
                    throw Failure("a pattern cannot start with punctuation ('\(w)')")
                }
                startWords += words
            case .wordClass(let cls, _):
                if cls.starts.isEmpty { throw Failure("a pattern cannot start with \(cls.rawValue)") }
                starts.formUnion(cls.starts)
            }
            if !e.optional { break }
        }

        let isDaySpan: Bool
        switch flags {
        case "": isDaySpan = false
        case "span": isDaySpan = true
        default: throw Failure("unknown flag '\(flags)' (known: span)")
        }
        let pattern = DataPattern(
            elements: elements,
            before: before,
            value: try parseValue(value, slots: slots),
            isDaySpan: isDaySpan
        )
        return (pattern, starts, startWords)
    }

    private static func literals(_ s: Substring) throws(Failure) -> [String] {
        let words = s.split(separator: "|", omittingEmptySubsequences: false).map { $0.lowercased() }
        if words.contains(where: \.isEmpty) { throw Failure("'\(s)': empty word") }
        return words
    }

    private static func parseValue(
        _ text: String,
        slots: [String: (slot: Int, kind: WordClassKind)]
    ) throws(Failure) -> PatternValue {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            throw Failure("value '\(text)' is not function(arguments)")
        }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        guard let function = PatternValue.Function(rawValue: name) else {
            throw Failure(
                "unknown value function '\(name)' (known: \(PatternValue.Function.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let args = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let signature = function.signatures.first(where: { $0.count == args.count }) else {
            let counts = function.signatures.map { String($0.count) }.joined(separator: " or ")
            throw Failure("\(name) takes \(counts) argument(s), found \(args.count)")
        }
        var arguments: [PatternValue.Argument] = []
        for (k, (arg, kind)) in zip(args, signature).enumerated() {
            if let capture = slots[arg] {
                guard capture.kind == kind else {
                    throw Failure(
                        "argument \(k + 1) of \(name) must be a \(kind.rawValue); '\(arg)' is a \(capture.kind.rawValue)"
                    )
                }
                arguments.append(.capture(capture.slot))
            } else if let literal = PatternValue.literal(arg, kind: kind) {
                arguments.append(literal)
            } else {
                let names = slots.keys.sorted().joined(separator: ", ")
                throw Failure(
                    "argument \(k + 1) of \(name): '\(arg)' is neither a capture of the pattern (\(names.isEmpty ? "none" : names)) nor a \(kind.rawValue)"
                )
            }
        }
        return PatternValue(function: function, arguments: arguments)
    }
}
