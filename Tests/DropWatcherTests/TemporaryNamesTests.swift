import Testing

@testable import DropWatcher

@Suite struct TemporaryNamesTests {
    @Test(arguments: [
        (".hidden", true),
        (".x.txt.tmp", true),
        (".~lock.report.odt#", true),
        (".report.txt.swp", true),
        ("report.txt~", true),
        ("article.html.part", true),
        ("article.tmp", true),
        ("ARTICLE.TMP", true),
        ("download.pdf.crdownload", true),
        ("notes.swp", true),
        ("notes.swx", true),
        ("4913", true),
        ("article.txt", false),
        ("article.html", false),
        ("49130", false),
        ("partial.txt", false),
        ("tmp", false),
        ("my.tmp.txt", false),
        ("über die Grenze.md", false),
        ("name with\nnewline.txt", false),
        ("a~b.txt", false),
    ])
    func isTemporary(name: String, expected: Bool) {
        #expect(TemporaryNames.isTemporary(name) == expected)
    }

    @Test(arguments: [
        ("Page Title_files", true),
        (".git", true),
        ("incoming.tmp", true),
        ("2024", false),
        ("files", false),
        ("my_files_archive", false),
    ])
    func skippedDirectory(name: String, expected: Bool) {
        #expect(TemporaryNames.isSkippedDirectory(name) == expected)
    }
}
