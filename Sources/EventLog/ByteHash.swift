/// A fast 64-bit hash of bytes, eight at a time: for the id tables and the
/// checkpoint's checksums. Not cryptographic; it catches corruption and spreads keys.
enum ByteHash {
    /// - Complexity: O(n) in the number of bytes.
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h = seed ^ 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        return mix(h ^ tail)
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { hash(UnsafeRawBufferPointer(bytes)) }

    /// Folds `value` into `h`, so a sequence of hashes gives one.
    static func combine(_ h: UInt64, _ value: UInt64) -> UInt64 { mix(h &* 0x94D0_49BB_1331_11EB ^ value) }

    /// An open-addressing table for `count` entries (linear probing, at most half full): each slot
    /// holds an entry's number or -1. `hash` gives entry k's hash.
    ///
    /// - Complexity: O(n) for n entries.
    static func slots(count n: Int, hash: (Int) -> UInt64) -> [Int32] {
        var capacity = 16
        while capacity < 2 * n { capacity *= 2 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        for k in 0..<n {
            var h = Int(truncatingIfNeeded: hash(k)) & mask
            while slots[h] >= 0 { h = (h + 1) & mask }
            slots[h] = Int32(k)
        }
        return slots
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
