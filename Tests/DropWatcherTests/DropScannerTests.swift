import Foundation
import Testing

@testable import DropWatcher

#if canImport(Glibc)
import Glibc
#endif

@Suite struct DropScannerTests {
    @Test func scansOnlyCompleteRegularFiles() throws {
        let drop = try TemporaryDirectory("dropscan")
        let outside = try TemporaryDirectory("dropscan-outside")
        try writeFile(outside.at("secret.txt"), "outside\n")
        try makeDirectory(outside.at("dir"))
        try writeFile(outside.at("dir/behind-link.txt"))

        try writeFile(drop.at("top.txt"), "12345")
        try makeDirectory(drop.at("2024"))
        try makeDirectory(drop.at("2024/april"))
        try writeFile(drop.at("2024/april/deep.md"))
        try writeFile(drop.at("name with\nnewline and spaces.txt"))
        try writeFile(drop.at("Dandong 丹东 – Übersicht.html"))
        try writeFile(drop.at(".hidden.txt"))
        try writeFile(drop.at("draft.txt.part"))
        try writeFile(drop.at("notes.txt~"))
        try makeDirectory(drop.at("Saved Page_files"))
        try writeFile(drop.at("Saved Page_files/image.txt"))
        try writeFile(drop.at("Saved Page.html"))
        try makeDirectory(drop.at(".git"))
        try writeFile(drop.at(".git/config"))
        #expect(symlink(outside.at("secret.txt"), drop.at("link-to-outside.txt")) == 0)
        #expect(symlink(outside.at("dir"), drop.at("link-to-dir")) == 0)
        #expect(symlink(drop.at("top.txt"), drop.at("link-inside.txt")) == 0)
        #expect(mkfifo(drop.at("pipe.txt"), 0o644) == 0)

        let found = DropScanner.scan(root: drop.path)

        #expect(
            found.map(\.path)
                == [
                    drop.at("2024/april/deep.md"),
                    drop.at("Dandong 丹东 – Übersicht.html"),
                    drop.at("Saved Page.html"),
                    drop.at("name with\nnewline and spaces.txt"),
                    drop.at("top.txt"),
                ].sorted()
        )
        let top = try #require(found.first { $0.path == drop.at("top.txt") })
        #expect(top.size == 5)
        #expect(abs(top.modified - Date().timeIntervalSince1970) < 60)
        // Reported paths are byte-exact: each one can be opened.
        for file in found {
            #expect(access(file.path, R_OK) == 0, "\(file.path)")
        }
    }

    @Test func specialFilesAreReportedOnRequestButNeverFollowed() throws {
        let drop = try TemporaryDirectory("dropscan")
        let outside = try TemporaryDirectory("dropscan-outside")
        try makeDirectory(outside.at("dir"))
        try writeFile(outside.at("dir/behind-link.txt"))
        try writeFile(drop.at("top.txt"))
        #expect(symlink(outside.at("dir"), drop.at("link-to-dir")) == 0)
        #expect(symlink(outside.at("nothing"), drop.at("dangling.txt")) == 0)
        #expect(mkfifo(drop.at("pipe.txt"), 0o644) == 0)
        #expect(mkfifo(drop.at(".pipe.tmp"), 0o644) == 0)

        let found = DropScanner.scan(root: drop.path, includingSpecialFiles: true)

        // The links themselves, not what they point to; temporary names still skipped.
        #expect(
            found.map(\.path)
                == [drop.at("dangling.txt"), drop.at("link-to-dir"), drop.at("pipe.txt"), drop.at("top.txt")]
        )
        #expect(DropScanner.scan(root: drop.path).map(\.path) == [drop.at("top.txt")])
    }

    @Test func missingRootOrFileRootYieldsNothing() throws {
        let drop = try TemporaryDirectory("dropscan")
        try writeFile(drop.at("plain.txt"))
        #expect(DropScanner.scan(root: drop.at("absent")).isEmpty)
        #expect(DropScanner.scan(root: drop.at("plain.txt")).isEmpty)
    }

    @Test func symlinkedRootIsFollowedButNothingBelowIs() throws {
        let real = try TemporaryDirectory("dropscan-real")
        let links = try TemporaryDirectory("dropscan-links")
        try writeFile(real.at("a.txt"))
        #expect(symlink(real.path, links.at("drop")) == 0)
        #expect(DropScanner.scan(root: links.at("drop")).map(\.path) == [links.at("drop/a.txt")])
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any directory"))
    func unreadableDirectoryIsSkipped() throws {
        let drop = try TemporaryDirectory("dropscan")
        try makeDirectory(drop.at("locked"))
        try writeFile(drop.at("locked/hidden.txt"))
        try writeFile(drop.at("open.txt"))
        #expect(chmod(drop.at("locked"), 0) == 0)
        defer { chmod(drop.at("locked"), 0o755) }
        #expect(DropScanner.scan(root: drop.path).map(\.path) == [drop.at("open.txt")])
    }

    @Test func nameThatIsNotUTF8IsSkipped() throws {
        let drop = try TemporaryDirectory("dropscan")
        try writeFile(drop.at("good.txt"))
        let bad: [CChar] = Array((drop.path + "/bad-").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0]
        let fd = open(bad, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        close(fd)
        #expect(DropScanner.scan(root: drop.path).map(\.path) == [drop.at("good.txt")])
    }
}
