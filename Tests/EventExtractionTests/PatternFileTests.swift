import Foundation
import Testing
import TimelineCore

@testable import EventExtraction

/// The pattern files of the temporal tagger: user files, and the errors a bad line gets.
@Suite struct PatternFileTests {
    static let boxingDay = """
        # A user's rules: Boxing Day, with or without its year.
        boxing-day\tboxing day ,? YEAR\tday(year, 12, 26)
        example\tTalks resume after Boxing Day 2024.\tBoxing Day 2024\t2024-12-26
        boxing-day\tboxing day\tmonth-day(12, 26)
        """

    static func write(_ text: String, name: String = "user.txt") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("patterns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func timexes(_ text: String, _ resources: ExtractionResources) -> [Timex] {
        let d = CivilDate("2024-05-26")!
        return Extractor(resources: resources).extract(
            ArticleText(text: text, format: .plain),
            dctOverride: d,
            modified: d
        )
        .timexes
    }

    @Test func userFileAddsRules() throws {
        let file = try Self.write(Self.boxingDay)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let text = "Talks resume after Boxing Day 2024, and again on Boxing Day."
        #expect(Self.timexes(text, TestSupport.resources).map(\.text) == ["2024"])
        for source in [file, file.deletingLastPathComponent()] {
            let found = Self.timexes(text, try ExtractionResources.bundled(patternFiles: [source]))
            #expect(found.map(\.text) == ["Boxing Day 2024", "Boxing Day"])
            #expect(found.first?.value == "2024-12-26")
            #expect(found.last?.value.hasSuffix("-12-26") == true)
        }
        let rules = try ExtractionResources.bundled(patternFiles: [file]).dates.patterns.rules
        #expect(rules.first?.source == "\(file.path):2")
        #expect(rules.first?.examples.count == 1)
    }

    /// A user rule is tried before the built-in ones, so on a tie in length it wins.
    @Test func userRuleWinsTies() throws {
        let file = try Self.write("fall-as-year\tfall YEAR\tyear(year)\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let text = "Prices rose in fall 2021."
        #expect(Self.timexes(text, TestSupport.resources).map(\.value) == ["2021-FA"])
        #expect(Self.timexes(text, try ExtractionResources.bundled(patternFiles: [file])).map(\.value) == ["2021"])
    }

    @Test(arguments: [
        (
            "ok\tMONTH DAY\tmonth-day(month, day)\nbad\tMONTH DAYY\tmonth-day(month, day)\n",
            ":2: unknown word class 'DAYY'"
        ),
        ("bad\tMONTH DAY\tmonth-day(month)\n", ":1: month-day takes 2 argument(s), found 1"),
        ("bad\tMONTH DAY\tmonth-day(month, year)\n", ":1: argument 2 of month-day: 'year' is neither a capture"),
        ("bad\tSEASON YEAR\tyear(season)\n", ":1: argument 1 of year must be a number; 'season' is a season"),
        ("bad\tMONTH DAY\tbirthday(month, day)\n", ":1: unknown value function 'birthday'"),
        ("bad\tDAY DAY\tmonth-day(day, day)\n", ":1: DAY appears twice: name the second one (DAY:name)"),
        ("bad\tUNIT=X\tyear(1)\n", ":1: 'X' is not a value of UNIT"),
        ("bad\t, YEAR\tyear(year)\n", ":1: a pattern cannot start with punctuation"),
        ("bad\tYEAR ~\tyear(year)\n", ":1: '~' must stand between two elements"),
        ("bad\tYEAR\tyear(year)\tsoon\n", ":1: unknown flag 'soon'"),
        ("bad\tcode:guessDate\n", ":1: unknown code function 'guessDate'"),
        ("bad\tYEAR\n", ":1: a pattern needs a value"),
        ("example\tin 2024\t2024\t2024\n", ":1: an example needs a rule above it"),
        ("bad\tYEAR\tyear(year\n", ":1: value 'year(year' is not function(arguments)"),
    ])
    func badLineNamesFileAndLine(_ content: String, _ expected: String) throws {
        let file = try Self.write(content)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        do {
            _ = try ExtractionResources.bundled(patternFiles: [file])
            Issue.record("loaded a bad pattern file")
        } catch let error as ExtractionError {
            #expect(error.code == .badResource)
            #expect(error.message.hasPrefix(file.path + expected), "\(error.message)")
        }
        // The same line in the built-in file is named by its place in the rules folder.
        do {
            _ = try ResourceLoaderTests.load(replacing: "en/patterns.txt", with: content)
            Issue.record("loaded a bad en/patterns.txt")
        } catch let error as ExtractionError {
            #expect(error.message.hasPrefix("en/patterns.txt" + expected), "\(error.message)")
        }
    }

    @Test func missingUserFileIsNamed() {
        #expect {
            _ = try ExtractionResources.bundled(patternFiles: [URL(fileURLWithPath: "/nonexistent/patterns.txt")])
        } throws: { error in
            (error as? ExtractionError)?.message.hasPrefix("/nonexistent/patterns.txt") == true
        }
    }
}
