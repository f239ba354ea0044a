import Foundation
import Testing

@testable import EventExtraction

/// The tagger's rule filter turns away only rules that would not have matched.
@Suite struct RuleFilterTests {
    static let rules = TestSupport.resources.dates.patterns.rules
    static let table = TestSupport.resources.dates.wordTable(startWords: Set(rules.flatMap(\.startWords)))
    static let words = WordTable(table)

    /// Every example of the pattern files, and the articles of the repository's own evaluation sets.
    static func texts() throws -> [String] {
        var texts = rules.flatMap { $0.examples.map(\.input) }
        let eval = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("eval")
        for set in try FileManager.default.contentsOfDirectory(atPath: eval.path).sorted() where set.hasPrefix("own") {
            let docs = eval.appendingPathComponent(set).appendingPathComponent("docs")
            for name in try FileManager.default.contentsOfDirectory(atPath: docs.path).sorted() {
                texts.append(try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8))
            }
        }
        return texts
    }

    @Test func admitsEveryMatchOfEveryDataRule() throws {
        var matches = 0
        var turnedAway = 0
        for text in try Self.texts() {
            let tokens = TestSupport.tokens(text)
            let c = PatternContext(tokens: tokens, lexicon: TestSupport.resources.dates, words: Self.words)
            for rule in Self.rules {
                guard case .data(let p) = rule.body else { continue }
                let filter = RuleFilter(p, table: Self.table)
                for i in tokens.indices {
                    let admitted = filter.admits(c.features, at: i)
                    if p.match(c, i) != nil {
                        matches += 1
                        #expect(admitted, "\(rule.source) at '\(tokens[i].text)' in: \(text.prefix(80))")
                    } else if !admitted {
                        turnedAway += 1
                    }
                }
            }
        }
        // The texts hold matches, and the filter spares most tries that would fail.
        #expect(matches > 500)
        #expect(turnedAway > 100 * matches)
    }

    @Test func turnsAwayRulesWhoseElementsAreMissing() throws {
        let (season, _, _) = try PatternCompiler.compile(
            pattern: "the? SEASON of? YEAR",
            value: "season(year, season)",
            flags: ""
        )
        let filter = RuleFilter(season, table: Self.table)
        func admits(_ text: String) -> Bool {
            let c = PatternContext(
                tokens: TestSupport.tokens(text),
                lexicon: TestSupport.resources.dates,
                words: Self.words
            )
            return filter.admits(c.features, at: 0)
        }
        #expect(admits("the summer of 2024"))
        #expect(admits("summer 2024"))
        #expect(!admits("the meeting of 2024"))
        // The year may stand after the optional "of" only: nothing farther is looked at.
        #expect(!admits("the summer"))
        #expect(!admits("the"))
    }
}
