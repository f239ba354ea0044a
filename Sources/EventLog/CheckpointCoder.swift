#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a checkpoint could not be written or read.
struct CheckpointError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` with a function that runs a throwing step and keeps its error, then
/// throws that error: for the standard library's buffer calls, whose closures cannot
/// throw a typed error.
private func catchingIn(
    _ body: (_ step: (() throws(CheckpointError) -> Void) -> Void) -> Void
) throws(CheckpointError) {
    var failure: CheckpointError?
    body { step in
        guard failure == nil else { return }
        do throws(CheckpointError) { try step() } catch { failure = error }
    }
    if let failure { throw failure }
}

extension CheckpointWriter {
    fileprivate static func catching(
        _ body: (_ step: (() throws(CheckpointError) -> Void) -> Void) -> Void
    ) throws(CheckpointError) { try catchingIn(body) }
}

extension CheckpointReader {
    fileprivate static func catching(
        _ body: (_ step: (() throws(CheckpointError) -> Void) -> Void) -> Void
    ) throws(CheckpointError) { try catchingIn(body) }
}

/// Writes a checkpoint as blocks, each its length, its hash (`ByteHash`) and its
/// bytes: small values gathered into one block, each large array a block of its
/// own written straight from its storage.
struct CheckpointWriter {
    private let fd: Int32
    private var small: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    mutating func u64(_ v: UInt64) {
        var v = v.littleEndian
        withUnsafeBytes(of: &v) { small += $0 }
    }

    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }

    mutating func bool(_ v: Bool) { small.append(v ? 1 : 0) }

    mutating func string(_ s: String) {
        int(s.utf8.count)
        small += s.utf8
    }

    mutating func optional(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    /// Writes `array`'s memory as one block.
    mutating func array<T: BitwiseCopyable>(_ array: [T]) throws(CheckpointError) {
        try flush()
        try Self.catching { failure in
            array.withUnsafeBytes { raw in failure { () throws(CheckpointError) in try block(raw) } }
        }
    }

    /// Writes the small values gathered so far as a block.
    mutating func flush() throws(CheckpointError) {
        guard !small.isEmpty else { return }
        let bytes = small
        small = []
        try Self.catching { failure in
            bytes.withUnsafeBytes { raw in failure { () throws(CheckpointError) in try block(raw) } }
        }
    }

    private func block(_ raw: UnsafeRawBufferPointer) throws(CheckpointError) {
        var header = (UInt64(raw.count).littleEndian, ByteHash.hash(raw).littleEndian)
        try Self.catching { failure in
            withUnsafeBytes(of: &header) { h in failure { () throws(CheckpointError) in try write(h) } }
        }
        try write(raw)
    }

    private func write(_ raw: UnsafeRawBufferPointer) throws(CheckpointError) {
        var done = 0
        while done < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw CheckpointError("cannot write: \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }
}

/// Reads what `CheckpointWriter` wrote, checking each block's length and hash.
struct CheckpointReader {
    private let fd: Int32
    /// Bytes of the file not yet read.
    private var remaining: Int
    private var small: [UInt8] = []
    private var at = 0

    init(fd: Int32, size: Int) {
        self.fd = fd
        remaining = size
    }

    /// True when every byte has been read.
    var atEnd: Bool { remaining == 0 && at == small.count }

    mutating func u64() throws(CheckpointError) -> UInt64 {
        try need(8)
        let v = small.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        at += 8
        return UInt64(littleEndian: v)
    }

    mutating func int() throws(CheckpointError) -> Int { Int(Int64(bitPattern: try u64())) }

    mutating func count() throws(CheckpointError) -> Int {
        let n = try int()
        guard n >= 0, n <= remaining + small.count else { throw CheckpointError("implausible length \(n)") }
        return n
    }

    mutating func bool() throws(CheckpointError) -> Bool {
        try need(1)
        at += 1
        switch small[at - 1] {
        case 0: return false
        case 1: return true
        default: throw CheckpointError("bad flag")
        }
    }

    mutating func string() throws(CheckpointError) -> String {
        let n = try count()
        try need(n)
        defer { at += n }
        return small.withUnsafeBufferPointer { String(decoding: $0[at..<at + n], as: UTF8.self) }
    }

    mutating func optional() throws(CheckpointError) -> String? { try bool() ? try string() : nil }

    mutating func strings() throws(CheckpointError) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    /// Reads a block written by `CheckpointWriter.array(_:)` straight into a new array.
    mutating func array<T: BitwiseCopyable>(of: T.Type) throws(CheckpointError) -> [T] {
        guard at == small.count else { throw CheckpointError("values left before an array") }
        let (length, hash) = try header()
        let stride = MemoryLayout<T>.stride
        guard length % stride == 0 else { throw CheckpointError("array of \(length) bytes") }
        var failure: CheckpointError?
        let array = [T](unsafeUninitializedCapacity: length / stride) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            do throws(CheckpointError) {
                try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<length]))
                initialized = length / stride
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        guard array.withUnsafeBytes({ ByteHash.hash($0) }) == hash else { throw CheckpointError("checksum mismatch") }
        return array
    }

    /// Makes sure `n` more small bytes are there, reading the next block when these are used up.
    private mutating func need(_ n: Int) throws(CheckpointError) {
        if at == small.count {
            let (length, hash) = try header()
            small = [UInt8](repeating: 0, count: length)
            at = 0
            var buffer = small
            try Self.catching { failure in
                buffer.withUnsafeMutableBytes { raw in failure { () throws(CheckpointError) in try read(into: raw) } }
            }
            small = buffer
            guard small.withUnsafeBytes({ ByteHash.hash($0) }) == hash else {
                throw CheckpointError("checksum mismatch")
            }
        }
        guard n <= small.count - at else { throw CheckpointError("block ends early") }
    }

    private mutating func header() throws(CheckpointError) -> (Int, UInt64) {
        var header: (UInt64, UInt64) = (0, 0)
        try Self.catching { failure in
            withUnsafeMutableBytes(of: &header) { raw in failure { () throws(CheckpointError) in try read(into: raw) } }
        }
        let length = UInt64(littleEndian: header.0)
        guard length <= UInt64(remaining) else { throw CheckpointError("block of \(length) bytes past the end") }
        return (Int(length), UInt64(littleEndian: header.1))
    }

    private mutating func read(into raw: UnsafeMutableRawBufferPointer) throws(CheckpointError) {
        guard raw.count <= remaining else { throw CheckpointError("file ends early") }
        var done = 0
        while done < raw.count {
            let n = Glibc.read(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw CheckpointError("cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { throw CheckpointError("file ends early") }
            done += n
        }
        remaining -= raw.count
    }
}
