#if canImport(Glibc)
import Glibc
#endif

/// glibc's iconv, the only place it is called. Strict: a byte sequence the
/// encoding does not define fails the conversion instead of being skipped.
enum Iconv {
    /// Whether iconv can convert from `encoding` to UTF-8.
    static func knows(_ encoding: String) -> Bool {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return false }
        iconv_close(cd)
        return true
    }

    /// `bytes` in `encoding`, as a string; nil if a byte sequence is invalid or incomplete.
    static func decode(_ bytes: ArraySlice<UInt8>, from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        // UTF-8 takes at most 4 bytes per character and every encoding here at least 1 byte per character.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if inLeft > 0, iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { return nil }
                // Flush any shift state.
                if iconv(cd, nil, nil, &outPointer, &outLeft) == -1 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced], as: UTF8.self)
    }
}
