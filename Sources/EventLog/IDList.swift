/// A document's event ids in one byte array (each id's length, then its
/// UTF-8), in the order they were added: one allocation per document instead
/// of one per id.
struct IDList: Sendable, Hashable {
    private(set) var bytes: [UInt8] = []

    init() {}

    init(bytes: [UInt8]) { self.bytes = bytes }

    init(_ ids: [String]) {
        for id in ids { append(id) }
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ id: String) {
        var n = UInt32(id.utf8.count)
        withUnsafeBytes(of: &n) { bytes += $0 }
        bytes += id.utf8
    }

    /// The ids, in order.
    ///
    /// - Complexity: O(n) in the bytes.
    var ids: [String] {
        var out: [String] = []
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 4 <= raw.count {
                let n = Int(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                guard i + 4 + n <= raw.count else { return }
                out.append(String(decoding: raw[i + 4..<i + 4 + n], as: UTF8.self))
                i += 4 + n
            }
        }
        return out
    }

    /// The list without `removed`.
    func removing(_ removed: Set<String>) -> IDList { IDList(ids.filter { !removed.contains($0) }) }
}
