/// Which (first byte, length in bytes) pairs the words of a set have: a word of any other shape
/// is not in it, found so without hashing it (most words looked up in a trigger or cue table are
/// in none). Lengths from 63 on share one bit.
///
/// Exact for ASCII: two ASCII strings are equal only byte for byte. A word with other code points
/// may equal a key written differently (`String` compares canonical equivalents), so it is always
/// let through; and a set with such a key lets every word through.
struct WordShapes: Sendable {
    private var lengths = [UInt64](repeating: 0, count: 256)
    private var letAllThrough = false

    mutating func insert(_ word: String) {
        guard let first = word.utf8.first, Self.isASCII(word) else {
            letAllThrough = true
            return
        }
        lengths[Int(first)] |= 1 << UInt64(min(word.utf8.count, 63))
    }

    func mayContain(_ word: String) -> Bool {
        guard !letAllThrough, let first = word.utf8.first, Self.isASCII(word) else { return true }
        return lengths[Int(first)] & (1 << UInt64(min(word.utf8.count, 63))) != 0
    }

    /// Whether `word` is ASCII; `false` also when its bytes are not at hand (a word then looked up).
    static func isASCII(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b >= 0x80 { return false }
            return true
        } ?? false
    }
}
