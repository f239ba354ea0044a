import Foundation

/// A Bloom filter over the words of a set, by an FNV-1a hash of their UTF-8 bytes: a word it
/// rejects is not in the set, found so without the set's own (SipHash) hashing. Most words looked
/// up in a trigger, cue or gazetteer table are in none, and (first byte, length) shapes let many
/// of them through.
///
/// Exact for ASCII words: an ASCII word equals a key only if the key's canonical decomposition is
/// those bytes, and that decomposition is what is inserted. A word with other code points, or
/// whose bytes are not at hand, is always let through (the set decides).
struct WordFilter: Sendable {
    /// 4,096 bits, two per key.
    private var bits = [UInt64](repeating: 0, count: 64)

    mutating func insert(_ word: String) {
        // `String` equality is canonical equivalence: "\u{212A}" (Kelvin sign) equals "K".
        let decomposed = word.decomposedStringWithCanonicalMapping
        guard let h = Self.hash(decomposed) ?? Self.hash(word) else { return }
        bits[Int(h & 4095) >> 6] |= 1 << UInt64(h & 63)
        bits[Int((h >> 12) & 4095) >> 6] |= 1 << UInt64((h >> 12) & 63)
    }

    /// Whether `word` may be in the set (`false`: it is not).
    @inline(__always) func mayContain(_ word: String) -> Bool {
        guard let h = Self.hash(word) else { return true }
        return bits[Int(h & 4095) >> 6] & (1 << UInt64(h & 63)) != 0
            && bits[Int((h >> 12) & 4095) >> 6] & (1 << UInt64((h >> 12) & 63)) != 0
    }

    /// FNV-1a of an ASCII word's bytes; `nil` for any other word.
    @inline(__always) static func hash(_ word: String) -> UInt32? {
        word.utf8.withContiguousStorageIfAvailable { bytes -> UInt32? in
            var h: UInt32 = 2_166_136_261
            for b in bytes {
                if b >= 0x80 { return nil }
                h = (h ^ UInt32(b)) &* 16_777_619
            }
            return h
        } ?? nil
    }
}
