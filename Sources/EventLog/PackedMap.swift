/// A map from strings to `Packable` values, frozen, in a few flat arrays: every key's UTF-8
/// in one byte buffer, every value's bytes in another, and an open-addressing table from a
/// key's hash to its entry. A hundred thousand documents take a few arrays instead of a
/// dictionary of structs of heap strings, and a checkpoint stores the arrays as they are.
///
/// Values are made from their bytes when they are looked up. Keys that are SHA-256s are kept
/// in 33 bytes (`PackedDigest`).
struct PackedMap<Value: Packable>: Sendable {
    /// Where each entry's key starts in `keyBytes`; one entry more than there are entries.
    private(set) var keyStarts: [Int] = [0]
    private(set) var keyBytes: [UInt8] = []
    /// Where each entry's value starts in `valueBytes`; one entry more than there are entries.
    private(set) var valueStarts: [Int] = [0]
    private(set) var valueBytes: [UInt8] = []
    /// Open addressing from a key's hash to its entry (-1: empty); empty when there are none.
    private(set) var slots: [Int32] = []

    init() {}

    var count: Int { keyStarts.count - 1 }

    /// - Complexity: O(1) expected.
    subscript(key: String) -> Value? {
        guard let k = entry(key) else { return nil }
        return value(k)
    }

    /// The entry whose key is `key`.
    ///
    /// - Complexity: O(1) expected.
    func entry(_ key: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        return PackedDigest.withEncoded(key) { wanted in
            let mask = slots.count - 1
            var h = Int(truncatingIfNeeded: ByteHash.hash(wanted)) & mask
            while true {
                let k = Int(slots[h])
                if k < 0 { return nil }
                if withKey(k, { $0.elementsEqual(wanted) }) { return k }
                h = (h + 1) & mask
            }
        }
    }

    func key(_ k: Int) -> String { withKey(k) { PackedDigest.decode($0) } }

    func value(_ k: Int) -> Value { withValueBytes(k) { Value(unpacking: $0) } }

    /// Calls `body` with entry `k`'s value as bytes.
    func withValueBytes<R>(_ k: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let (start, end) = (valueStarts[k], valueStarts[k + 1])
        return valueBytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    @inline(__always) private func withKey<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let (start, end) = (keyStarts[k], keyStarts[k + 1])
        return keyBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Fills a map entry by entry, then makes its hash table. Keys must differ.
    struct Builder {
        private(set) var map = PackedMap()

        init() {}

        mutating func reserve(entries: Int, keyBytes: Int, valueBytes: Int) {
            map.keyStarts.reserveCapacity(entries + 1)
            map.valueStarts.reserveCapacity(entries + 1)
            map.keyBytes.reserveCapacity(keyBytes)
            map.valueBytes.reserveCapacity(valueBytes)
        }

        mutating func append(_ key: String, _ value: Value) {
            PackedDigest.append(key, to: &map.keyBytes)
            map.keyStarts.append(map.keyBytes.count)
            value.pack(into: &map.valueBytes)
            map.valueStarts.append(map.valueBytes.count)
        }

        /// Entry `k` of `other`, copied as bytes.
        mutating func append(_ k: Int, of other: borrowing PackedMap) {
            map.keyBytes += other.keyBytes[other.keyStarts[k]..<other.keyStarts[k + 1]]
            map.keyStarts.append(map.keyBytes.count)
            map.valueBytes += other.valueBytes[other.valueStarts[k]..<other.valueStarts[k + 1]]
            map.valueStarts.append(map.valueBytes.count)
        }

        /// The map, with its hash table.
        ///
        /// - Complexity: O(n) for n entries.
        consuming func finish() -> PackedMap {
            var map = self.map
            let n = map.count
            guard n > 0 else { return map }
            let slots = ByteHash.slots(count: n) { k in map.withKey(k) { ByteHash.hash($0) } }
            map.slots = slots
            return map
        }
    }

    // MARK: checkpoint

    func write(to w: inout CheckpointWriter) throws(CheckpointError) {
        try w.array(keyStarts)
        try w.array(keyBytes)
        try w.array(valueStarts)
        try w.array(valueBytes)
        try w.array(slots)
    }

    /// Reads what `write(to:)` wrote and checks that every offset points inside it, so a
    /// damaged checkpoint that passed its checksums still cannot make a lookup trap or spin.
    init(from r: inout CheckpointReader) throws(CheckpointError) {
        keyStarts = try r.array(of: Int.self)
        keyBytes = try r.array(of: UInt8.self)
        valueStarts = try r.array(of: Int.self)
        valueBytes = try r.array(of: UInt8.self)
        slots = try r.array(of: Int32.self)
        let n = keyStarts.count - 1
        guard n >= 0, valueStarts.count == n + 1, Self.ascending(keyStarts, within: keyBytes.count),
            Self.ascending(valueStarts, within: valueBytes.count)
        else { throw CheckpointError("packed map offsets disagree") }
        var filled = 0
        for slot in slots where slot >= 0 {
            guard slot < Int32(n) else { throw CheckpointError("bad packed map table") }
            filled += 1
        }
        // A table with no empty slot would make a lookup of an absent key go round forever.
        guard n == 0 ? slots.isEmpty : slots.count >= 2 * n && slots.count & (slots.count - 1) == 0 && filled <= n
        else { throw CheckpointError("bad packed map table") }
    }

    private static func ascending(_ starts: [Int], within size: Int) -> Bool {
        guard starts.first == 0, (starts.last ?? 0) <= size else { return false }
        for k in 1..<starts.count where starts[k - 1] > starts[k] { return false }
        return true
    }
}
