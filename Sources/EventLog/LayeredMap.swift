/// A map from strings in two layers: a large packed `base` (`PackedMap`), and a small
/// dictionary `top` that takes every change. A snapshot that shares the base with its
/// writer costs nothing when the writer changes something, because only the top is
/// copied; `compact()` folds the top into a new base now and then.
struct LayeredMap<Value: Packable>: Sendable {
    private(set) var base = PackedMap<Value>()
    /// `.some(nil)` marks a key removed from the base.
    private var top: [String: Value?] = [:]
    private(set) var count = 0

    init() {}

    init(base: PackedMap<Value>) {
        self.base = base
        count = base.count
    }

    init(_ entries: [String: Value]) {
        var builder = PackedMap<Value>.Builder()
        for (k, v) in entries { builder.append(k, v) }
        self.init(base: builder.finish())
    }

    var topCount: Int { top.count }

    subscript(key: String) -> Value? {
        get {
            if let layered = top[key] { return layered }
            return base[key]
        }
        set {
            let had = self[key] != nil
            top[key] = .some(newValue)
            count += (newValue != nil ? 1 : 0) - (had ? 1 : 0)
        }
    }

    @discardableResult
    mutating func removeValue(forKey key: String) -> Value? {
        let old = self[key]
        if old != nil { self[key] = nil }
        return old
    }

    /// Every entry, in no particular order.
    ///
    /// - Complexity: O(n).
    var entries: [(key: String, value: Value)] {
        var out: [(key: String, value: Value)] = []
        out.reserveCapacity(count)
        for k in 0..<base.count {
            let key = base.key(k)
            if top.isEmpty || top[key] == nil { out.append((key, base.value(k))) }
        }
        for (k, v) in top { if let v { out.append((k, v)) } }
        return out
    }

    var values: [Value] { entries.map(\.value) }

    /// The entries `transform` keeps, reading a base entry's bytes without making its value.
    ///
    /// - Complexity: O(n).
    func compactMapEntries<T>(
        packed: (UnsafeRawBufferPointer) -> T?,
        _ transform: (Value) -> T?
    ) -> [(key: String, value: T)] {
        var out: [(key: String, value: T)] = []
        for k in 0..<base.count {
            guard let t = base.withValueBytes(k, packed) else { continue }
            let key = base.key(k)
            if top.isEmpty || top[key] == nil { out.append((key, t)) }
        }
        for (k, v) in top { if let v, let t = transform(v) { out.append((k, t)) } }
        return out
    }

    /// How many entries pass: `packed` reads a base entry's bytes, `changed` a changed entry's value.
    /// No key or value of the base is made, so counting leaves no garbage behind.
    ///
    /// - Complexity: O(n).
    func count(packed: (UnsafeRawBufferPointer) -> Bool, changed: (Value) -> Bool) -> Int {
        var replaced = Set<Int>()
        for key in top.keys { if let k = base.entry(key) { replaced.insert(k) } }
        var n = 0
        for k in 0..<base.count where (replaced.isEmpty || !replaced.contains(k)) && base.withValueBytes(k, packed) {
            n += 1
        }
        for case let value? in top.values where changed(value) { n += 1 }
        return n
    }

    /// Folds the top layer into a new base; the base's entries are copied as bytes.
    ///
    /// - Complexity: O(n) in the bytes of the base, when the top holds anything.
    mutating func compact() {
        guard !top.isEmpty else { return }
        var replaced = Set<Int>()
        for key in top.keys { if let k = base.entry(key) { replaced.insert(k) } }
        var builder = PackedMap<Value>.Builder()
        builder.reserve(
            entries: base.count + top.count,
            keyBytes: base.keyBytes.count + 64 * top.count,
            valueBytes: base.valueBytes.count + 64 * top.count
        )
        for k in 0..<base.count where !replaced.contains(k) { builder.append(k, of: base) }
        // In key order, so the same changes always give the same base.
        for (key, value) in top.sorted(by: { $0.key < $1.key }) {
            if let value { builder.append(key, value) }
        }
        base = builder.finish()
        top = [:]
    }

    // MARK: checkpoint

    /// Writes the map as one packed base, the top folded in.
    func write(to w: inout CheckpointWriter) throws(CheckpointError) {
        var map = self
        map.compact()
        try map.base.write(to: &w)
    }

    init(from r: inout CheckpointReader) throws(CheckpointError) {
        self.init(base: try PackedMap(from: &r))
    }
}
