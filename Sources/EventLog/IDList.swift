/// A document's event ids in one byte array, in the order they were added: one allocation
/// per document instead of one per id.
///
/// Each id is stored as how many leading bytes it shares with the one before, then the
/// rest: a document's ids mostly differ only in their last characters (`<document>-0`,
/// `<document>-1`…), so a hundred thousand documents' lists take a few bytes per id.
struct IDList: Sendable, Hashable {
    /// Per id: the length of the prefix shared with the previous id and of the rest
    /// (LEB128 each), then the rest, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// The last id's UTF-8, so appending one does not decode the list; made when missing.
    private var last: [UInt8]?

    init() {}

    init(bytes: [UInt8]) { self.bytes = bytes }

    init(_ ids: [String]) {
        for id in ids { append(id) }
    }

    static func == (a: IDList, b: IDList) -> Bool { a.bytes == b.bytes }

    func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ id: String) {
        let previous = last ?? decodedLast()
        let new = Array(id.utf8)
        var shared = 0
        while shared < min(previous.count, new.count) && previous[shared] == new[shared] { shared += 1 }
        Self.appendNumber(shared, to: &bytes)
        Self.appendNumber(new.count - shared, to: &bytes)
        bytes += new[shared...]
        last = new
    }

    /// The ids, in order.
    ///
    /// - Complexity: O(n) in the bytes.
    var ids: [String] {
        var out: [String] = []
        forEachID { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// The list without `removed`.
    func removing(_ removed: Set<String>) -> IDList { IDList(ids.filter { !removed.contains($0) }) }

    private func decodedLast() -> [UInt8] {
        var last: [UInt8] = []
        forEachID { last = Array($0) }
        return last
    }

    /// Calls `body` with each id's UTF-8, in order. Bytes that do not decode end the list
    /// (a damaged checkpoint that passed its checksums gives a short list, not a trap).
    private func forEachID(_ body: (ArraySlice<UInt8>) -> Void) {
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let shared = Self.number(in: bytes, at: &i), let rest = Self.number(in: bytes, at: &i),
                shared <= current.count, rest <= bytes.count - i
            else { return }
            current.removeSubrange(shared...)
            current += bytes[i..<i + rest]
            i += rest
            body(current[...])
        }
    }

    private static func appendNumber(_ n: Int, to bytes: inout [UInt8]) {
        var n = UInt(n)
        while n >= 0x80 {
            bytes.append(UInt8(n & 0x7F) | 0x80)
            n >>= 7
        }
        bytes.append(UInt8(n))
    }

    private static func number(in bytes: [UInt8], at i: inout Int) -> Int? {
        var n = 0
        var shift = 0
        while i < bytes.count && shift < 35 {
            let b = bytes[i]
            i += 1
            n |= Int(b & 0x7F) << shift
            if b < 0x80 { return n }
            shift += 7
        }
        return nil
    }
}
