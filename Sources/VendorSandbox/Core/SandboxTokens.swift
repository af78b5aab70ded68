import Foundation

/// Opaque secrets the sandbox hands out (cookies, access tokens): JWT-shaped, random, unique.
enum SandboxTokens {
    /// A JWT-shaped token: a fixed header, a claims part naming `subject` and `purpose`, and 32
    /// random bytes as its signature. Nothing verifies the signature; the sandbox looks tokens up.
    static func jwt(subject: String, purpose: String, issuedAt: Date, expiresAt: Date) -> String {
        let header = base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let claims = SandboxJSON.object(
            SandboxJSONObject([
                ("sub", .string(subject)), ("use", .string(purpose)),
                ("iat", .int(Int(issuedAt.timeIntervalSince1970))),
                ("exp", .int(Int(expiresAt.timeIntervalSince1970))),
                ("jti", .string(randomHex(8))),
            ]))
        return header + "." + base64URL(claims.data) + "." + base64URL(randomBytes(32))
    }

    /// `count` random bytes as lower-case hexadecimal.
    static func randomHex(_ count: Int) -> String {
        randomBytes(count).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    static func randomBytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
