extension Redactor {
    /// Free text with bearer/basic credentials, JWTs and `secret=value` pairs replaced, on one line.
    ///
    /// The scan is a single pass over the bytes per rule, so its cost grows linearly with the text
    /// whatever its shape (a body of `eyJ` repeated thousands of times included). Callers bound the
    /// text they scrub: error excerpts read only the start of a body.
    public func scrub(text: String) -> String {
        var bytes = TextScrubber.collapsingWhitespace(Array(text.utf8))
        bytes = TextScrubber.replacingCredentials(in: bytes)
        bytes = TextScrubber.replacingJWTs(in: bytes)
        bytes = TextScrubber.replacingKeyedValues(in: bytes)
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}

extension Redactor {
    /// The free-text rules alone (they depend on no redactor setting), for texts that are printed
    /// long after the redactor that produced them is gone, bounded first.
    static func scrubbedForDisplay(_ text: String) -> String {
        Redactor.default.scrub(text: APIError.cut(text, to: APIError.maximumTextLength))
    }
}

/// The byte-level rules behind ``Redactor/scrub(text:)``. Every rule matches ASCII only, so cutting
/// and joining at match boundaries never splits a multi-byte character.
enum TextScrubber {
    private static let placeholder = Array(Redactor.placeholder.utf8)
    private static let schemes = ["bearer", "basic"].map { Array($0.utf8) }
    private static let keys = ["access_token", "refresh_token", "client_secret", "code_verifier", "password", "token"]
        .map { Array($0.utf8) }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static let credentialCharacters: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        return isAlphanumeric(byte) || "._~+/=|-".utf8.contains(byte)
    }

    /// Characters of a bearer or basic credential.
    static func isCredentialCharacter(_ byte: UInt8) -> Bool {
        credentialCharacters[Int(byte)]
    }

    /// Characters of one base64url segment of a JWT.
    static func isSegmentCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// Whether `pattern` (lower-case ASCII) stands at `index`, ignoring case.
    static func matches(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where lowercased(bytes[index + offset]) != pattern[offset] {
            return false
        }
        return true
    }

    /// Runs of white space become one space.
    static func collapsingWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var inWhitespace = false
        for byte in bytes {
            if isWhitespace(byte) {
                if !inWhitespace { result.append(0x20) }
                inWhitespace = true
            } else {
                result.append(byte)
                inWhitespace = false
            }
        }
        return result
    }

    /// `Bearer <credential>` and `Basic <credential>` (any case) become the placeholder.
    static func replacingCredentials(in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let end = credentialEnd(in: bytes, at: index) {
                result.append(contentsOf: placeholder)
                index = end
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func credentialEnd(in bytes: [UInt8], at index: Int) -> Int? {
        let first = lowercased(bytes[index])
        guard first == UInt8(ascii: "b") else { return nil }
        guard let scheme = schemes.first(where: { matches($0, in: bytes, at: index) }) else { return nil }
        var cursor = index + scheme.count
        let spaceStart = cursor
        while cursor < bytes.count, isWhitespace(bytes[cursor]) { cursor += 1 }
        guard cursor > spaceStart else { return nil }
        let valueStart = cursor
        while cursor < bytes.count, isCredentialCharacter(bytes[cursor]) { cursor += 1 }
        return cursor > valueStart ? cursor : nil
    }

    /// JWT-shaped strings (`eyJ…` header, a dot, a payload of five or more characters, an optional
    /// signature) become the placeholder. Segment lengths are computed once, right to left, so
    /// trying a candidate costs the same however long the text after it is.
    static func replacingJWTs(in bytes: [UInt8]) -> [UInt8] {
        var segmentLength = [Int](repeating: 0, count: bytes.count + 1)
        for index in stride(from: bytes.count - 1, through: 0, by: -1) where isSegmentCharacter(bytes[index]) {
            segmentLength[index] = segmentLength[index + 1] + 1
        }
        let dot = UInt8(ascii: ".")
        func jwtEnd(at index: Int) -> Int? {
            guard index + 3 <= bytes.count, bytes[index] == UInt8(ascii: "e"), bytes[index + 1] == UInt8(ascii: "y"),
                bytes[index + 2] == UInt8(ascii: "J")
            else { return nil }
            let header = index + 3
            let headerLength = segmentLength[header]
            let firstDot = header + headerLength
            guard headerLength >= 5, firstDot < bytes.count, bytes[firstDot] == dot else { return nil }
            let payloadLength = segmentLength[firstDot + 1]
            var end = firstDot + 1 + payloadLength
            guard payloadLength >= 5 else { return nil }
            if end < bytes.count, bytes[end] == dot { end += 1 + segmentLength[end + 1] }
            return end
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let end = jwtEnd(at: index) {
                result.append(contentsOf: placeholder)
                index = end
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// The value after `access_token=`, `"password": "`, `client_secret=` and similar becomes the
    /// placeholder; the key and its punctuation stay so the text still reads.
    static func replacingKeyedValues(in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let (valueStart, valueEnd) = keyedValue(in: bytes, at: index) {
                result.append(contentsOf: bytes[index..<valueStart])
                result.append(contentsOf: placeholder)
                index = valueEnd
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func keyedValue(in bytes: [UInt8], at index: Int) -> (Int, Int)? {
        // Every key starts with one of these letters; most positions are rejected by this one test.
        let first = lowercased(bytes[index])
        guard
            first == UInt8(ascii: "a") || first == UInt8(ascii: "r") || first == UInt8(ascii: "c")
                || first == UInt8(ascii: "p") || first == UInt8(ascii: "t")
        else { return nil }
        guard let key = keys.first(where: { matches($0, in: bytes, at: index) }) else { return nil }
        let quotes: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "'")]
        var cursor = index + key.count
        if cursor < bytes.count, quotes.contains(bytes[cursor]) { cursor += 1 }
        while cursor < bytes.count, isWhitespace(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") || bytes[cursor] == UInt8(ascii: ":") else {
            return nil
        }
        cursor += 1
        while cursor < bytes.count, isWhitespace(bytes[cursor]) { cursor += 1 }
        if cursor < bytes.count, quotes.contains(bytes[cursor]) { cursor += 1 }
        let valueStart = cursor
        let stops: [UInt8] = quotes + [UInt8(ascii: "&"), UInt8(ascii: ","), UInt8(ascii: "}")]
        while cursor < bytes.count, !stops.contains(bytes[cursor]), !isWhitespace(bytes[cursor]) { cursor += 1 }
        return cursor > valueStart ? (valueStart, cursor) : nil
    }
}
