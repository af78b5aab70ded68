import Foundation

/// One `Set-Cookie` field value read with the algorithm of RFC 6265 section 5.2, before the jar
/// checks it against the request that received it.
///
/// A field is one cookie: a comma is part of the value (`note=hello, world`), never a separator.
struct SetCookieLine {
    var name: String
    var value: String
    /// The last `Domain` attribute, lower-cased and without a leading dot.
    var domain: String?
    /// The last `Path` attribute when it starts with `/`; `nil` asks for the default path.
    var path: String?
    /// When the cookie ends; a date at or before now deletes it.
    var expires: Date?
    var secure = false

    /// Longer attribute values are ignored, as browsers do (RFC 6265bis).
    static let maximumAttributeValueSize = 1024
    /// A `Max-Age` beyond this is read as this (about 317 years), so the date stays representable.
    static let maximumAge: Int = 9_999_999_999

    /// Reads `text`, or returns `nil` for a line to ignore: no name, no `=`, a name and value
    /// longer than `maximumSize` bytes, or a control character (which could split headers).
    init?(_ text: String, now: Date, maximumSize: Int) {
        guard !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return nil }
        let pairEnd = text.utf8.firstIndex(of: UInt8(ascii: ";")) ?? text.endIndex
        let pair = text[..<pairEnd]
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        name = Self.trimmed(pair[..<equals])
        value = Self.trimmed(pair[pair.index(after: equals)...])
        guard !name.isEmpty, name.utf8.count + value.utf8.count <= maximumSize else { return nil }
        if value.utf8.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        guard pairEnd < text.endIndex else { return }
        var maxAge: Int?
        for attribute in text[text.utf8.index(after: pairEnd)...].split(separator: ";") {
            maxAge = apply(attribute, now: now) ?? maxAge
        }
        // Max-Age wins over Expires wherever it appears.
        if let maxAge { expires = maxAge <= 0 ? .distantPast : now.addingTimeInterval(TimeInterval(maxAge)) }
    }

    /// Applies one attribute; returns the `Max-Age` it sets, if it is one.
    private mutating func apply(_ attribute: Substring, now: Date) -> Int? {
        let equals = attribute.firstIndex(of: "=")
        let key = Self.trimmed(attribute[..<(equals ?? attribute.endIndex)]).lowercased()
        let argument = equals.map { Self.trimmed(attribute[attribute.index(after: $0)...]) } ?? ""
        guard argument.utf8.count <= Self.maximumAttributeValueSize else { return nil }
        switch key {
        case "expires":
            if let date = CookieDate.parse(Substring(argument)) { expires = date }
        case "max-age":
            return Self.maxAge(argument)
        case "domain" where !argument.isEmpty:
            // `Domain=.` names no domain: the cookie is host-only (RFC 6265 5.3 step 6).
            let bare = (argument.hasPrefix(".") ? String(argument.dropFirst()) : argument).lowercased()
            domain = bare.isEmpty ? nil : bare
        case "path":
            path = argument.hasPrefix("/") ? argument : nil
        case "secure":
            secure = true
        default:
            break
        }
        return nil
    }

    /// `-`? DIGIT+, saturated at `maximumAge`; anything else is ignored.
    private static func maxAge(_ text: String) -> Int? {
        let negative = text.hasPrefix("-")
        let digits = negative ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        if negative { return 0 }
        var total = 0
        for digit in digits {
            total = total * 10 + Int(digit - 0x30)
            if total >= maximumAge { return maximumAge }
        }
        return total
    }

    private static func trimmed(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[first...last])
    }
}
