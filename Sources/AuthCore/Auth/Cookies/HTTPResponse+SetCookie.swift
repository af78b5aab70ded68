import HTTPTypes

extension HTTPResponse {
    /// This response with `Set-Cookie` fields that Foundation joined split back into one field each.
    ///
    /// `HTTPURLResponse.allHeaderFields` is a dictionary, so repeated fields arrive joined with
    /// commas (checked with FoundationNetworking on Linux, Swift 6.3: two `Set-Cookie` lines
    /// arrive as one value joined with `, `). The joint is ambiguous, because a
    /// cookie value may itself hold a comma: a value like `hello, b=2` cannot be told from two
    /// cookies and is split. Transports that see the raw field lines do not need this.
    func separatingJoinedSetCookies() -> HTTPResponse {
        let joined = headerFields[values: .setCookie]
        guard joined.contains(where: { $0.contains(",") }) else { return self }
        var response = self
        response.headerFields[values: .setCookie] = joined.flatMap(JoinedSetCookies.split)
        return response
    }
}

/// Splits a joined `Set-Cookie` value at each comma that is followed by `name=`; the commas of
/// `Expires` dates (`Wed, 21 Oct ...`) are followed by a day number and stay.
enum JoinedSetCookies {
    static func split(_ joined: String) -> [String] {
        let bytes = Array(joined.utf8)
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: ","), let next = startOfCookie(in: bytes, after: index) else { continue }
            pieces.append(trimmed(bytes[start..<index]))
            start = next
        }
        pieces.append(trimmed(bytes[start...]))
        return pieces.filter { !$0.isEmpty }
    }

    /// Where a cookie starts after the comma at `comma`: optional blanks, a token and `=`.
    /// The scan stops at the first byte that is not a token character, so the whole split is linear.
    private static func startOfCookie(in bytes: [UInt8], after comma: Int) -> Int? {
        var index = comma + 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        let nameStart = index
        while index < bytes.count, isTokenCharacter(bytes[index]) { index += 1 }
        return index > nameStart && index < bytes.count && bytes[index] == UInt8(ascii: "=") ? nameStart : nil
    }

    /// RFC 9110 `tchar`.
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
