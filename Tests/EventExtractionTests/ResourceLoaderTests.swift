import Foundation
import Testing

@testable import EventExtraction

@Suite struct ResourceLoaderTests {
    @Test func bundledResourcesLoad() throws {
        let r = try ExtractionResources.bundled()
        #expect(r.dates.months["sept"]?.value == 9)
        #expect(r.dates.months["марта"]?.value == 3)
        #expect(r.dates.ideographUnits["年"] == "year")
        #expect(r.abbreviations.contains("U.S."))
    }

    /// Copies the bundled files to a temporary folder, replaces one file, and loads.
    static func load(replacing name: String, with content: String) throws -> ExtractionResources {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("extraction-resources-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        let bundled = try bundledDirectory()
        try fm.copyItem(at: bundled, to: dir)
        let target = dir.appendingPathComponent(name)
        try? fm.removeItem(at: target)
        try content.write(to: target, atomically: true, encoding: .utf8)
        return try ExtractionResources.load(from: dir)
    }

    static func bundledDirectory() throws -> URL {
        // The test bundle cannot see EventExtraction's Bundle.module; find the folder the same way.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("Sources/EventExtraction/Resources")
    }

    @Test(arguments: [
        ("en/months.tsv", "january\t1\nfebruary\t13\n", "en/months.tsv:2:"),
        ("en/months.tsv", "# comment\n\njanuary\n", "en/months.tsv:3:"),
        ("en/weekdays.tsv", "monday\t1\ttypo\n", "en/weekdays.tsv:1: unknown flag 'typo'"),
        ("en/triggers.tsv", "meeting\tmeeting\nparty\tfiesta\n", "en/triggers.tsv:2: unknown event type 'party'"),
        ("en/gazetteer.tsv", "place\tHarbin\ncity\tJixi\n", "en/gazetteer.tsv:2:"),
        ("en/cues.tsv", "statistic\tfell\nmood\tgood\n", "en/cues.tsv:2: unknown cue kind 'mood'"),
        ("en/seasons.tsv", "summer\tXX\n", "en/seasons.tsv:1:"),
        ("en/boilerplate.tsv", "section-end\treferences\nfooter\tx\n", "en/boilerplate.tsv:2:"),
        ("en/day-parts.tsv", "morning\tTMO\nnight\tTXX\n", "en/day-parts.tsv:2:"),
        ("en/clock-words.tsv", "noon\t12:00\nmidnight\t25:00\n", "en/clock-words.tsv:2:"),
        ("en/shifts.tsv", "ago\t-1\nlater\t1\tfrom-next\n", "en/shifts.tsv:2: unknown flag 'from-next'"),
        ("en/deictic.tsv", "tonight\tday:0TNI\nlast night\tday:-1TXX\n", "en/deictic.tsv:2:"),
        ("en/modifiers.tsv", "earlier\tNONE\nlater\tSOON\n", "en/modifiers.tsv:2:"),
    ])
    func badLineNamesFileAndLine(_ name: String, _ content: String, _ expected: String) {
        do {
            _ = try Self.load(replacing: name, with: content)
            Issue.record("loaded a bad \(name)")
        } catch let error as ExtractionError {
            #expect(error.code == .badResource)
            #expect(error.message.hasPrefix(expected), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func missingFileIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("extraction-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ExtractionError.self) { try ExtractionResources.load(from: dir) }
        do {
            _ = try ExtractionResources.load(from: dir)
        } catch let e as ExtractionError {
            #expect(e.code == .missingResource)
            #expect(e.message.hasPrefix("en/months.tsv"))
        }
    }
}
