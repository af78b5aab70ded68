/// The spellings a submitted secret may take when a server echoes it back, besides the ones
/// ``SecretVariants`` adds itself (percent- and form-encoded, JSON-escaped).
///
/// A failed login is the classic echo: an HTML error page prints the password entity-escaped
/// (`p&amp;ss`), a JSON writer that keeps to ASCII writes `w\u00f6rd`.
enum SecretSpellings {
    /// `secret` itself and its HTML-escaped and ASCII-only JSON spellings, without duplicates.
    static func of(_ secret: String) -> [String] {
        var spellings = [secret]
        for variant in htmlVariants {
            spellings.append(htmlEscaped(secret, variant))
        }
        for style in JSONStyle.all {
            spellings.append(asciiJSONEscaped(secret, style: style))
        }
        var seen = Set<String>()
        return spellings.filter { seen.insert($0).inserted }
    }

    /// The ways HTML writers commonly escape `'` and `/` (`&`, `<`, `>` and `"` are always escaped).
    private static let htmlVariants: [(apostrophe: String, slash: String)] = [
        ("&#39;", "/"), ("&#x27;", "&#x2F;"), ("&apos;", "/"), ("'", "/"),
    ]

    private static func htmlEscaped(_ text: String, _ variant: (apostrophe: String, slash: String)) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += variant.apostrophe
            case "/": result += variant.slash
            default: result.append(character)
            }
        }
        return result
    }

    /// How a JSON writer spells what it escapes: hex digits in upper or lower case, `/` as `\/`,
    /// and `<`, `>`, `&` as `\u003c`… (writers that make JSON safe to embed in HTML do).
    private struct JSONStyle {
        var uppercase: Bool
        var escapesSlash: Bool
        var htmlSafe: Bool

        /// Every combination.
        static let all: [JSONStyle] = [false, true].flatMap { uppercase in
            [false, true].flatMap { slash in
                [false, true].map { JSONStyle(uppercase: uppercase, escapesSlash: slash, htmlSafe: $0) }
            }
        }
    }

    /// The text as the inside of a JSON string written with every non-ASCII character as `\uXXXX`
    /// (UTF-16 units, so characters beyond the BMP become surrogate pairs).
    private static func asciiJSONEscaped(_ text: String, style: JSONStyle) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "/" where style.escapesSlash: result += "\\/"
            case _ where style.htmlSafe && (scalar == "<" || scalar == ">" || scalar == "&"):
                result += unicodeEscape(scalar, style)
            case _ where scalar.value >= 0x20 && scalar.value < 0x7F:
                result.unicodeScalars.append(scalar)
            default:
                result += unicodeEscape(scalar, style)
            }
        }
        return result
    }

    /// `\uXXXX` for each UTF-16 unit of `scalar`.
    private static func unicodeEscape(_ scalar: Unicode.Scalar, _ style: JSONStyle) -> String {
        var result = ""
        for unit in String(scalar).utf16 {
            let hex = String(unit, radix: 16, uppercase: style.uppercase)
            result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return result
    }
}
