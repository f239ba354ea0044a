import Foundation
import Testing
import TimelineCore

@testable import EventLog

@Suite struct LogFormatTests {
    @Test func crc32cKnownVectors() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        // The sliced and the byte-wise paths agree at every length.
        let bytes = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        for n in 0...bytes.count {
            var crc: UInt32 = 0xFFFF_FFFF
            for b in bytes[0..<n] {
                crc ^= UInt32(b)
                for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            }
            #expect(CRC32C.checksum(bytes[0..<n]) == crc ^ 0xFFFF_FFFF)
        }
    }

    @Test func linesRoundTripAndAreJSON() throws {
        let record = SequencedRecord(seq: 42, record: .event(Fixtures.event("e1", "2024-04-17", places: ["Dandong"])))
        let line = try LogLineCodec.encode(record)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.filter { $0 == UInt8(ascii: "\n") }.count == 1)
        let body = line.dropLast()
        #expect(try JSONSerialization.jsonObject(with: Data(body)) is [String: Any])
        #expect(LogLineCodec.decode(body) == .success(record))
    }

    @Test func everyFlippedByteIsCaught() throws {
        let line = Array(
            try LogLineCodec.encode(SequencedRecord(seq: 1, record: .document(Fixtures.document("abc")))).dropLast()
        )
        for i in line.indices {
            var damaged = line
            damaged[i] ^= 0x01
            guard case .failure = LogLineCodec.decode(damaged[...]) else {
                Issue.record("flip at \(i) not detected")
                return
            }
        }
    }
}

@Suite struct LogScanTests {
    let groups = [
        (Fixtures.document("d1"), [Fixtures.event("e1", "2024-04-17"), Fixtures.event("e2", "2024-04")]),
        (Fixtures.document("d2", path: "/drop/b.txt"), [Fixtures.event("e3", "2023")]),
    ]

    @Test func cleanLog() throws {
        let bytes = try Fixtures.log(groups)
        let scan = LogScan.scan(bytes)
        #expect(scan.damage.isEmpty)
        #expect(scan.records.count == 5)
        #expect(scan.documentCount == 2)
        #expect(scan.eventCount == 3)
        #expect(scan.validLength == bytes.count)
        #expect(scan.lastSeq == 5)
    }

    @Test(arguments: [1, 10, 40])
    func tornTailIsCutBackToTheLastWholeGroup(cut: Int) throws {
        let bytes = try Fixtures.log(groups)
        let firstGroupEnd = try Fixtures.log(Array(groups.prefix(1))).count
        let scan = LogScan.scan(Array(bytes.dropLast(cut)))
        #expect(scan.validLength == firstGroupEnd)
        #expect(scan.documentCount == 1)
        #expect(scan.eventCount == 2)
        #expect(scan.damage.map(\.kind).contains(.incompleteGroup))
    }

    @Test func groupMissingItsLastEventIsCut() throws {
        var bytes = try Fixtures.log(groups)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        bytes = Array(lines[0..<4].joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]  // d2 without e3
        let scan = LogScan.scan(bytes)
        #expect(scan.documentCount == 1)
        #expect(scan.damage.count == 1)
        #expect(scan.damage[0].kind == .incompleteGroup)
        #expect(scan.damage[0].line == 4)
    }

    @Test func corruptRecordInTheMiddleIsSkippedAndReported() throws {
        var bytes = try Fixtures.log(groups)
        // Damage the second line (event e1) inside its JSON.
        let firstNewline = bytes.firstIndex(of: UInt8(ascii: "\n"))!
        bytes[firstNewline + 20] ^= 0x20
        let scan = LogScan.scan(bytes)
        #expect(scan.damage.count == 1)
        #expect(scan.damage[0].kind == .corruptRecord)
        #expect(scan.damage[0].line == 2)
        #expect(scan.documentCount == 2)
        #expect(scan.eventCount == 2)
        #expect(scan.validLength == bytes.count)
    }

    @Test func retractionWithoutItsDocumentAtTheEndIsCut() throws {
        var bytes = try Fixtures.log(groups)
        let whole = bytes.count
        let retraction = Retraction(document: "d2", path: "/drop/b.txt", events: ["e3"], reason: "changed")
        bytes += try LogLineCodec.encode(SequencedRecord(seq: 6, record: .retraction(retraction)))
        let scan = LogScan.scan(bytes)
        #expect(scan.validLength == whole)
        #expect(scan.retractionCount == 0)
        #expect(scan.damage.map(\.kind) == [.incompleteGroup])
    }

    @Test func retractionDocumentAndEventsFormOneGroup() throws {
        var bytes = try Fixtures.log(groups)
        let retraction = Retraction(document: "d2", path: "/drop/b.txt", events: ["e3"], reason: "changed")
        var d3 = Fixtures.document("d3", path: "/drop/b.txt")
        d3.eventCount = 1
        bytes += try LogLineCodec.encode(SequencedRecord(seq: 6, record: .retraction(retraction)))
        bytes += try LogLineCodec.encode(SequencedRecord(seq: 7, record: .document(d3)))
        bytes += try LogLineCodec.encode(
            SequencedRecord(seq: 8, record: .event(Fixtures.event("e4", "2022", doc: "d3")))
        )
        let scan = LogScan.scan(bytes)
        #expect(scan.damage.isEmpty)
        #expect(scan.retractionCount == 1)
        let index = EventIndex(scan.records)
        #expect(index.events.map(\.id).sorted() == ["e1", "e2", "e4"])
        #expect(index.documentOrder == ["d1", "d3"])
    }

    @Test(arguments: [1, 7, 64, 4096])
    func streamedScanAgreesWithTheWholeBufferScan(chunk: Int) throws {
        var clean = try Fixtures.log(groups)
        var damaged = clean
        let firstNewline = damaged.firstIndex(of: UInt8(ascii: "\n"))!
        damaged[firstNewline + 20] ^= 0x20
        damaged.removeLast(9)
        clean += Array("{\"torn".utf8)
        for bytes in [try Fixtures.log(groups), clean, damaged] {
            let path = Fixtures.tempDir() + "/events.log"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            var streamed: [SequencedRecord] = []
            let s = try LogScan.scan(fileAt: path, chunkSize: chunk) { streamed += $0 }
            let whole = LogScan.scan(bytes)
            #expect(streamed == whole.records)
            #expect(s.damage == whole.damage)
            #expect(s.validLength == whole.validLength)
            #expect(s.lastSeq == whole.lastSeq)
            #expect(s.recordCount == whole.records.count)
        }
    }
}
