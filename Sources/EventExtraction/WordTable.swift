import Foundation

/// The tagger's word table (`DateLexicon.wordTable`), looked up once per word token: an open
/// addressing table keyed by the UTF-8 bytes of ASCII words, hashed with FNV-1a, so that a token
/// costs a few instructions per byte instead of a `Dictionary`'s seeded hash (the profile's largest
/// single cost of the tagger before).
///
/// Exact: two ASCII strings are equal only byte for byte, so an ASCII word is looked up here; a word
/// with other code points goes to the `Dictionary` (it may equal a key written differently), and so
/// does every word if some non-ASCII key is canonically equivalent to an ASCII string.
/// A class holding buffers allocated once (`@unchecked Sendable`: written only in `init`, freed in
/// `deinit`): arrays held by the table would be retained and released at every lookup.
final class WordTable: @unchecked Sendable {
    private let dictionary: [String: WordEntry]
    /// Index into `entries` + 1 for each slot, 0 for an empty one; the slot count is a power of two.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let mask: Int
    /// The ASCII keys' bytes back to back: key `n` is `keyBytes[keyStarts[n]..<keyStarts[n + 1]]`.
    private let keyBytes: UnsafeMutableBufferPointer<UInt8>
    private let keyStarts: UnsafeMutableBufferPointer<Int32>
    private let entries: UnsafeMutableBufferPointer<WordEntry>
    private let asciiTable: Bool
    /// The `deictic.tsv` phrases by `WordEntry.deicticPhraseList` - 1.
    let deicticPhrases: [[(words: [String], value: String)]]

    init(_ dictionary: [String: WordEntry], deicticPhrases: [[(words: [String], value: String)]] = []) {
        self.dictionary = dictionary
        self.deicticPhrases = deicticPhrases
        let ascii = dictionary.filter { WordShapes.isASCII($0.key) }.sorted { $0.key < $1.key }
        // A key such as "\u{212A}" (Kelvin sign) equals the ASCII "K": then the dictionary decides.
        asciiTable = !dictionary.keys.contains { key in
            !WordShapes.isASCII(key) && WordShapes.isASCII(key.precomposedStringWithCanonicalMapping)
        }
        var size = 16
        while size < ascii.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        var entries: [WordEntry] = []
        for (key, entry) in ascii {
            var s = Array(key.utf8).withUnsafeBufferPointer { Self.hash($0) } & (size - 1)
            while slots[s] != 0 { s = (s + 1) & (size - 1) }
            bytes += key.utf8
            starts.append(Int32(bytes.count))
            entries.append(entry)
            slots[s] = Int32(entries.count)
        }
        mask = size - 1
        func buffer<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = b.initialize(from: array)
            return b
        }
        self.slots = buffer(slots)
        keyBytes = buffer(bytes)
        keyStarts = buffer(starts)
        self.entries = buffer(entries)
    }

    deinit {
        slots.deallocate()
        keyBytes.deallocate()
        keyStarts.deallocate()
        entries.deallocate()
    }

    /// FNV-1a of the bytes, folded.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// What the table says about `word` (lower-case), or `.none`.
    @inline(__always)
    func entry(_ word: String) -> WordEntry {
        if asciiTable {
            // The index + 1 of its entry, 0 for none, -1 for a word that is not ASCII; hashed
            // while its bytes are checked, in one pass.
            var w = word
            let n = w.withUTF8 { bytes -> Int in
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for b in bytes {
                    if b >= 0x80 { return -1 }
                    h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
                }
                return find(bytes, Int(truncatingIfNeeded: h ^ (h >> 29)))
            }
            if n > 0 { return entries[n - 1] }
            if n == 0 { return .none }
        }
        // Not ASCII (or some key is an ASCII word written otherwise): as `String` compares.
        return dictionary[word] ?? .none
    }

    /// The index + 1 of the entry of `bytes`, whose `hash` is given, or 0.
    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ hash: Int) -> Int {
        var s = hash & mask
        while true {
            let n = Int(slots[s])
            if n == 0 { return 0 }
            let a = Int(keyStarts[n - 1])
            if Int(keyStarts[n]) - a == bytes.count {
                var k = 0
                while k < bytes.count, keyBytes[a + k] == bytes[k] { k += 1 }
                if k == bytes.count { return n }
            }
            s = (s + 1) & mask
        }
    }
}
