import Foundation
import Testing

@testable import TimelineDaemon

@Suite struct ExtractionGuardTests {
    @Test func onlyAttemptsLeftByEarlierProcessesCount() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guard-\(UUID().uuidString)").path
        let g = ExtractionGuard(stateDir: dir)
        // In flight in this process, however many: not failures.
        let a = try #require(g.begin("aa"))
        let b = try #require(g.begin("aa"))
        let c = try #require(g.begin("aa"))
        #expect(g.begin("aa") != nil)
        g.end("aa", marker: a)
        g.end("aa", marker: b)
        g.end("aa", marker: c)
        // Left behind by processes that died while extracting.
        for pid in [101, 102, 103] {
            #expect(FileManager.default.createFile(atPath: "\(g.directory)/bb.\(pid).x", contents: nil))
        }
        #expect(g.begin("bb") == nil)
        g.end("bb", marker: nil)
        #expect(g.begin("bb") != nil)
        #expect(FileManager.default.createFile(atPath: "\(g.directory)/cc.101.x", contents: nil))
        #expect(g.begin("cc") != nil)
    }
}
