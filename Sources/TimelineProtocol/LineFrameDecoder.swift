import NIOCore

/// Splits a byte stream into lines (without `\n` or a trailing `\r`).
///
/// A line longer than `maxLineLength` is an error as soon as it is known to
/// be too long, so an endless line never fills memory.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    public struct LineTooLong: Error, Equatable {
        public let limit: Int
    }

    public let maxLineLength: Int
    /// Where to resume looking for a newline, so a slow long line is not rescanned from its start.
    private var scanned = 0

    public init(maxLineLength: Int) { self.maxLineLength = maxLineLength }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        let from = view.index(view.startIndex, offsetBy: min(scanned, view.count))
        guard let newline = view[from...].firstIndex(of: UInt8(ascii: "\n")) else {
            scanned = view.count
            if view.count > maxLineLength { throw LineTooLong(limit: maxLineLength) }
            return .needMoreData
        }
        scanned = 0
        var length = newline - buffer.readerIndex
        if length > maxLineLength { throw LineTooLong(limit: maxLineLength) }
        if length > 0, buffer.getInteger(at: newline - 1, as: UInt8.self) == UInt8(ascii: "\r") { length -= 1 }
        let line = buffer.getSlice(at: buffer.readerIndex, length: length)!
        buffer.moveReaderIndex(to: newline + 1)
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws
        -> DecodingState
    {
        // A last request without its newline is still a request.
        let state = try decode(context: context, buffer: &buffer)
        if state == .needMoreData, seenEOF, buffer.readableBytes > 0 {
            let line = buffer.readSlice(length: buffer.readableBytes)!
            context.fireChannelRead(Self.wrapInboundOut(line))
            return .continue
        }
        return state
    }
}
