import Foundation
import Testing
import TimelineCore

@testable import EventExtraction

/// Runs the extractor over the shared evaluation sets (`../shared/eval/dev`,
/// `../shared/bench/timeml/tbaq`) and, when `EXTRACTION_PREDICTIONS_DIR` is set,
/// writes predictions there for `score_events.py` and `score_timex.py`:
/// `events.jsonl` and `timex.jsonl`. Skipped where the shared data is absent.
@Suite struct EvaluationRunTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let devDir = shared.appendingPathComponent("eval/dev")
    static let tbaqDir = shared.appendingPathComponent("bench/timeml/tbaq")
    static let outputDir = ProcessInfo.processInfo.environment["EXTRACTION_PREDICTIONS_DIR"].map(
        URL.init(fileURLWithPath:)
    )

    static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: devDir.appendingPathComponent("docs.jsonl").path)))
    func devSetEvents() throws {
        let extractor = Extractor(resources: try ExtractionResources.bundled())
        let index = try String(contentsOf: Self.devDir.appendingPathComponent("docs.jsonl"), encoding: .utf8)
        var lines: [String] = []
        var total = 0
        for line in index.split(separator: "\n") {
            let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
            let name = entry["doc"]!
            let bytes = try [UInt8](
                Data(contentsOf: Self.devDir.appendingPathComponent("docs").appendingPathComponent(name))
            )
            let article = try ArticleText.decode(bytes, fileName: name)
            let dct = CivilDate(entry["dct"]!)!
            let result = extractor.extract(article, dctOverride: dct, modified: dct)
            #expect(result.dctSource == .override)
            total += result.events.count
            for e in result.events {
                lines.append(
                    try Self.json([
                        "doc": name, "type": e.type.rawValue, "date": e.date.description, "evidence": e.evidence,
                    ])
                )
            }
        }
        #expect(total > 0)
        if let dir = Self.outputDir {
            try (lines.joined(separator: "\n") + "\n").write(
                to: dir.appendingPathComponent("events.jsonl"),
                atomically: true,
                encoding: .utf8
            )
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: tbaqDir.appendingPathComponent("gold.jsonl").path)))
    func timeBankTimexes() throws {
        let extractor = Extractor(resources: try ExtractionResources.bundled())
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.tbaqDir.path).filter {
            $0.hasSuffix(".txt")
        }.sorted()
        var lines: [String] = []
        var bytesRead = 0
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        for name in names {
            let base = String(name.dropLast(4))
            let bytes = try [UInt8](Data(contentsOf: Self.tbaqDir.appendingPathComponent(name)))
            bytesRead += bytes.count
            let dctText = try String(contentsOf: Self.tbaqDir.appendingPathComponent(base + ".dct"), encoding: .utf8)
            let dct = CivilDate(dctText.trimmingCharacters(in: .whitespacesAndNewlines))!
            let article = try ArticleText.decode(bytes, fileName: name)
            var result: ExtractionResult?
            elapsed += clock.measure { result = extractor.extract(article, dctOverride: dct, modified: dct) }
            for t in result!.timexes {
                lines.append(
                    try Self.json([
                        "doc": base, "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
                    ])
                )
            }
        }
        #expect(!lines.isEmpty)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("extracted \(names.count) TimeBank documents, \(bytesRead) bytes in \(seconds) s")
        if let dir = Self.outputDir {
            try (lines.joined(separator: "\n") + "\n").write(
                to: dir.appendingPathComponent("timex.jsonl"),
                atomically: true,
                encoding: .utf8
            )
        }
    }
}
