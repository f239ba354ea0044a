import EventExtraction
import Foundation
import TimelineCore

/// Loaded once: the rules are read from the checkout, so the fuzz binary needs no bundle.
let extractor: Extractor = {
    let rules = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/EventExtraction/Resources")
        .standardized
    do {
        return Extractor(resources: try ExtractionResources.load(from: rules))
    } catch {
        fatalError("cannot load the rules from \(rules.path): \(error)")
    }
}()

let day = CivilDate(year: 2024, month: 5, day: 26)!

/// Arbitrary bytes as a dropped file: decoding may refuse them, extraction must not trap.
/// The first byte picks the file name's extension, so both formats are covered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let name = bytes[0] & 1 == 0 ? "article.txt" : "article.md"
    guard let article = try? ArticleText.decode(Array(bytes.dropFirst()), fileName: name) else { return 0 }
    _ = extractor.extract(article, dctOverride: nil, modified: day)
    _ = extractor.extract(article, dctOverride: day, modified: day)
    return 0
}
