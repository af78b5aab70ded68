import Foundation

/// `application/x-www-form-urlencoded` encoding and decoding that is safe for passwords and tokens.
///
/// Only the RFC 3986 unreserved characters pass through; a space becomes `+`, and everything
/// else, including `&`, `+`, `=`, `|`, `%` and non-ASCII, is percent-encoded as UTF-8.
public enum FormEncoding {
    private static let unreserved: Set<UInt8> = Set(
        Array(UInt8(ascii: "a")...UInt8(ascii: "z")) + Array(UInt8(ascii: "A")...UInt8(ascii: "Z"))
            + Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + [
                UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"),
            ]
    )

    /// Encodes one name or value.
    public static func escape(_ string: String) -> String {
        var output = ""
        output.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if unreserved.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: " ") {
                output.append("+")
            } else {
                output.append(String(format: "%%%02X", byte))
            }
        }
        return output
    }

    /// Encodes ordered pairs as a form body, keeping the order given.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// Decodes a form body or query string into ordered pairs. Malformed escapes are kept literally.
    public static func decode(_ string: String) -> [(String, String)] {
        string.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = unescape(String(pieces[0]))
            let value = pieces.count > 1 ? unescape(String(pieces[1])) : ""
            return (name, value)
        }
    }

    /// Decodes one name or value.
    public static func unescape(_ string: String) -> String {
        let plusDecoded = string.replacingOccurrences(of: "+", with: " ")
        return plusDecoded.removingPercentEncoding ?? plusDecoded
    }
}
