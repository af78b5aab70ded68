import Crypto
import Foundation

/// A Proof Key for Code Exchange pair (RFC 7636), S256 only.
public struct PKCE: Sendable {
    /// The code verifier; sent only with the code exchange.
    public let verifier: Secret
    /// `BASE64URL(SHA256(verifier))`, sent with the authorization request.
    public let challenge: String
    /// Always `S256`; the `plain` method is not offered.
    public static let method = "S256"

    /// A new pair from 32 random bytes (a 43-character verifier).
    public init() {
        self.init(validVerifier: Base64URL.encode(SecureRandom.bytes(32)))
    }

    /// A pair for a given verifier (for example a test vector).
    ///
    /// - Throws: ``APIError`` of kind `invalidConfiguration` unless the verifier has 43–128
    ///   characters from `A-Z a-z 0-9 - . _ ~`.
    public init(verifier: Secret) throws {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let text = verifier.revealed
        guard (43...128).contains(text.count), text.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
            throw APIError(kind: .invalidConfiguration, message: "PKCE verifier must be 43-128 unreserved characters")
        }
        self.init(validVerifier: text)
    }

    private init(validVerifier: String) {
        self.verifier = Secret(validVerifier)
        self.challenge = PKCE.challenge(for: validVerifier)
    }

    /// The S256 challenge for a verifier.
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(Data(SHA256.hash(data: Data(verifier.utf8))))
    }
}

/// Unpadded base64url (RFC 4648 §5).
enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Bytes from the system CSPRNG (getrandom on Linux).
enum SecureRandom {
    static func bytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var data = Data(capacity: count)
        while data.count < count {
            withUnsafeBytes(of: generator.next()) { data.append(contentsOf: $0.prefix(count - data.count)) }
        }
        return data
    }
}
