import Foundation
import Testing

@testable import TimelineDaemon

@Suite struct ExtractionGuardTests {
    @Test func setsAsideOnlyAfterTheLimitOfUnfinishedAttempts() {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guard-\(UUID().uuidString)").path
        let g = ExtractionGuard(stateDir: dir)
        // Finished attempts leave nothing behind.
        #expect(g.begin("aa"))
        g.end("aa")
        #expect(g.begin("aa"))
        g.end("aa")
        // Attempts that never finish (the daemon died) add up.
        #expect(g.begin("bb"))
        #expect(g.begin("bb"))
        #expect(g.begin("bb"))
        #expect(!g.begin("bb"))
        #expect(g.begin("aa"))
    }
}
