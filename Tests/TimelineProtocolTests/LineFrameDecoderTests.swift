import NIOCore
import NIOEmbedded
import Testing

@testable import TimelineProtocol

@Suite struct LineFrameDecoderTests {
    func channel(max: Int = 16) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineLength: max)))
        return channel
    }

    func lines(_ channel: EmbeddedChannel) throws -> [String] {
        var out: [String] = []
        while let b = try channel.readInbound(as: ByteBuffer.self) { out.append(String(buffer: b)) }
        return out
    }

    @Test func splitsAcrossReads() throws {
        let c = try channel()
        try c.writeInbound(ByteBuffer(string: "ab"))
        try c.writeInbound(ByteBuffer(string: "c\nde\r\nf"))
        #expect(try lines(c) == ["abc", "de"])
        try c.writeInbound(ByteBuffer(string: "g\n"))
        #expect(try lines(c) == ["fg"])
        _ = try c.finish()
    }

    @Test func lastLineWithoutNewlineIsDeliveredAtEOF() throws {
        let c = try channel()
        try c.writeInbound(ByteBuffer(string: "tail"))
        #expect(try lines(c).isEmpty)
        _ = try c.finish()
        #expect(try lines(c) == ["tail"])
    }

    @Test func overlongLineFailsBeforeItEnds() throws {
        let c = try channel(max: 8)
        #expect(throws: LineFrameDecoder.LineTooLong.self) {
            try c.writeInbound(ByteBuffer(string: String(repeating: "x", count: 20)))
        }
    }

    @Test func overlongCompleteLineFails() throws {
        let c = try channel(max: 8)
        #expect(throws: LineFrameDecoder.LineTooLong.self) {
            try c.writeInbound(ByteBuffer(string: "0123456789\n"))
        }
    }
}
