import ArticleConversion
import EventExtraction
import Foundation
import TimelineCore

/// Loaded once: the extraction rules are read from the checkout, so the fuzz binary needs no bundle
/// for them (the converter's own data file comes from its bundle beside the binary).
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

let converter: ArticleConverter = {
    do {
        return try ArticleConverter()
    } catch {
        fatalError("cannot set up the converter: \(error)")
    }
}()

let day = CivilDate(year: 2024, month: 5, day: 26)!

/// Arbitrary bytes as a dropped HTML or text file: conversion may refuse them (encodings, empty
/// pages), but neither it nor the extraction after it may trap, and a converted article's body end
/// must lie inside its text. The first byte picks the extension. PDFs are left out: their
/// parsing happens in pdftotext, a child process.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let name = bytes[0] & 1 == 0 ? "page.html" : "article.txt"
    guard let converted = try? converter.convert(Array(bytes.dropFirst()), fileName: name) else { return 0 }
    if let end = converted.article.bodyEnd, end > converted.article.text.unicodeScalars.count {
        fatalError("body end \(end) past the text")
    }
    _ = extractor.extract(converted.article, dctOverride: nil, modified: day)
    return 0
}
