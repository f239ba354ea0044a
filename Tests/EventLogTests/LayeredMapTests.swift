import Testing

@testable import EventLog

@Suite struct LayeredMapTests {
    @Test func readsThroughTheLayersAndCounts() {
        var m = LayeredMap(["a": 1, "b": 2])
        m["c"] = 3
        m["a"] = 10
        m["b"] = nil
        #expect(m["a"] == 10 && m["b"] == nil && m["c"] == 3)
        #expect(m.count == 2)
        #expect(Set(m.entries.map(\.key)) == ["a", "c"])
        let snapshot = m
        m.compact()
        m["d"] = 4
        #expect(m.count == 3 && m.topCount == 1)
        #expect(snapshot["d"] == nil && snapshot.count == 2)
        #expect(m.removeValue(forKey: "a") == 10)
        #expect(m.removeValue(forKey: "zz") == nil)
        #expect(m.count == 2)
    }
}
