/// Puts an endpoint string (a path, optionally followed by `?` and a query) on the wire exactly once
/// percent-encoded, whether the caller wrote it as raw text or already percent-encoded it.
///
/// The rule, the same for the path and the query:
/// - a valid escape (`%` and two hexadecimal digits, such as `%20` or `%27`) is kept as written;
/// - any other `%` is a literal percent sign and is sent as `%25` (`'100%'` becomes `'100%25'`);
/// - characters that may not appear in that part (spaces, quotes `"`, `<`, `>`, non-ASCII…) are
///   encoded as UTF-8 escapes; `$ ( ) ' , : @ ! * ;` and `/` stay readable;
/// - `+` is a plus sign, never a space: it is sent as `%2B` (write a space for a space).
///
/// OData string literals are respected: inside single quotes (a doubled `''` is a quote inside the
/// literal) `&`, `=` and `#` are data, sent as `%26`, `%3D` and `%23`, so `'A&B'` cannot end the
/// parameter and `'A#1'` is not a fragment. The first `?` outside quotes starts the query; a `#`
/// outside quotes is a fragment, which endpoints may not have.
enum EndpointEncoding {
    /// An endpoint split at its first `?` outside a quoted literal.
    struct Parts {
        /// The path, as written.
        let path: Substring
        /// The query, as written, without its `?`; `nil` when there is none.
        let query: Substring?
        /// Whether a `#` appears outside a quoted literal.
        let hasFragment: Bool
    }

    /// Splits `text` into path and query, tracking OData quotes.
    static func split(_ text: Substring) -> Parts {
        var inQuotes = false
        var queryStart: Substring.Index?
        var hasFragment = false
        for index in text.indices {
            switch text[index] {
            case "'": inQuotes.toggle()
            case "?" where !inQuotes && queryStart == nil: queryStart = index
            case "#" where !inQuotes: hasFragment = true
            default: break
            }
        }
        guard let queryStart else { return Parts(path: text, query: nil, hasFragment: hasFragment) }
        return Parts(path: text[..<queryStart], query: text[text.index(after: queryStart)...], hasFragment: hasFragment)
    }

    /// The path part, encoded once.
    static func path(_ text: Substring) -> String {
        encode(text) { byte, _ in pathBytes.contains(byte) }
    }

    /// The query part (without its `?`), encoded once; `&` and `=` separate parameters only outside quotes.
    static func query(_ text: Substring) -> String {
        encode(text) { byte, inQuotes in
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "=") { return !inQuotes }
            return queryBytes.contains(byte)
        }
    }

    private static let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
    private static let pathBytes = unreserved.union("!$'()*,;:@/".utf8)
    private static let queryBytes = unreserved.union("!$'()*,;:@/?".utf8)

    /// Encodes every byte `keeps` refuses, keeping valid `%XX` escapes and encoding a lone `%`. One pass.
    private static func encode(_ text: Substring, keeps: (UInt8, Bool) -> Bool) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") { inQuotes.toggle() }
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                output += bytes[index...(index + 2)]
                index += 3
                continue
            }
            if byte < 0x80, keeps(byte, inQuotes) {
                output.append(byte)
            } else {
                output += escape(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
