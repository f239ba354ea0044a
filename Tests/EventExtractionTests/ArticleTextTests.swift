import Testing

@testable import EventExtraction

@Suite struct ArticleTextTests {
    @Test func decodesUTF8AndStripsBOM() throws {
        let a = try ArticleText.decode([0xEF, 0xBB, 0xBF] + Array("Harbin – 哈尔滨".utf8), fileName: "a.txt")
        #expect(a.text == "Harbin – 哈尔滨")
        #expect(a.format == .plain)
    }

    @Test(arguments: [
        ("note.md", ArticleFormat.markdown), ("note.markdown", .markdown), ("note.TXT", .plain), ("note.text", .plain),
        ("README", .plain), ("dir/sub/article.md", .markdown),
    ])
    func formatFromName(_ name: String, _ format: ArticleFormat) throws {
        #expect(try ArticleText.decode(Array("Text.".utf8), fileName: name).format == format)
    }

    @Test(arguments: [
        ([UInt8](), "empty.txt", ExtractionError.Code.emptyFile),
        ([0xEF, 0xBB, 0xBF], "bom-only.txt", .emptyFile),
        (Array(" \n\t\n".utf8), "blank.txt", .emptyFile),
        ([0x48, 0x00, 0x49], "nul.txt", .binaryContent),
        ([0x01, 0x02, 0x03, 0x04, 0x41, 0x42], "controls.txt", .binaryContent),
        ([0x48, 0xC3, 0x28, 0x49], "bad.txt", .invalidUTF8),
        ([0xFF, 0xFE, 0x41, 0x00], "utf16.txt", .binaryContent),
        (Array("text".utf8), "image.png", .unsupportedFileType),
        (Array("text".utf8), "page.html", .unsupportedFileType),
    ])
    func rejects(_ bytes: [UInt8], _ name: String, _ code: ExtractionError.Code) {
        #expect {
            _ = try ArticleText.decode(bytes, fileName: name)
        } throws: { error in
            guard let e = error as? ExtractionError else { return false }
            return e.code == code && e.message.contains(name)
        }
    }
}
