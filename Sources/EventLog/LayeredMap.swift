/// A dictionary in two layers: a large `base`, and a small `top` that takes
/// every change. A snapshot that shares the base with its writer costs
/// nothing when the writer changes something, because only the top is
/// copied; `compact()` folds the top into the base now and then.
struct LayeredMap<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var base: [Key: Value] = [:]
    /// `.some(nil)` marks a key removed from the base.
    private var top: [Key: Value?] = [:]
    private(set) var count = 0

    init() {}

    init(_ base: [Key: Value]) {
        self.base = base
        count = base.count
    }

    var topCount: Int { top.count }

    /// Room for `n` entries in the base.
    mutating func reserveCapacity(_ n: Int) { base.reserveCapacity(n) }

    subscript(key: Key) -> Value? {
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
    mutating func removeValue(forKey key: Key) -> Value? {
        let old = self[key]
        if old != nil { self[key] = nil }
        return old
    }

    /// Every entry, in no particular order.
    ///
    /// - Complexity: O(n).
    var entries: [(key: Key, value: Value)] {
        var out: [(key: Key, value: Value)] = []
        out.reserveCapacity(count)
        for (k, v) in base where top[k] == nil { out.append((k, v)) }
        for (k, v) in top { if let v { out.append((k, v)) } }
        return out
    }

    var values: [Value] { entries.map(\.value) }

    /// Folds the top layer into the base.
    ///
    /// - Complexity: O(t) when the base is not shared, O(n) when a snapshot still holds it.
    mutating func compact() {
        for (k, v) in top {
            if let v { base[k] = v } else { base.removeValue(forKey: k) }
        }
        top = [:]
    }
}
