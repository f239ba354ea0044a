extension String {
    /// A string of code points, encoded straight to UTF-8: `unicodeScalars.append(contentsOf:)`
    /// on an array slice goes through a generic path many times slower (the profile's top entry).
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var ascii = true
        for s in scalars where s.value >= 0x80 {
            ascii = false
            break
        }
        let capacity = ascii ? scalars.count : scalars.count * 4
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var n = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    buffer[n] = UInt8(v)
                    n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(0xC0 | (v >> 6))
                    buffer[n + 1] = UInt8(0x80 | (v & 0x3F))
                    n += 2
                } else if v < 0x1_0000 {
                    buffer[n] = UInt8(0xE0 | (v >> 12))
                    buffer[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | (v & 0x3F))
                    n += 3
                } else {
                    buffer[n] = UInt8(0xF0 | (v >> 18))
                    buffer[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 3] = UInt8(0x80 | (v & 0x3F))
                    n += 4
                }
            }
            return n
        }
    }

    /// `scalars` lower-cased: ASCII letters directly, anything else by `lowercased()`.
    init(lowercasing scalars: ArraySlice<Unicode.Scalar>) {
        var ascii = true
        for s in scalars where s.value >= 0x80 {
            ascii = false
            break
        }
        guard ascii else {
            self = String(scalars: scalars).lowercased()
            return
        }
        self.init(unsafeUninitializedCapacity: scalars.count) { buffer in
            var n = 0
            for s in scalars {
                let v = s.value
                buffer[n] = UInt8(v >= 65 && v <= 90 ? v + 32 : v)
                n += 1
            }
            return n
        }
    }
}
