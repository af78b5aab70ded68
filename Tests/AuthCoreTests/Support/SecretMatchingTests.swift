import Testing

@testable import AuthCore

@Suite("Secret.matches")
struct SecretMatchingTests {
    @Test("equal values match; a prefix, an extension, a one-byte difference and the empty string do not")
    func matching() {
        let secret = Secret("abc")
        #expect(secret.matches("abc"))
        #expect(!secret.matches("abcd"))
        #expect(!secret.matches("ab"))
        #expect(!secret.matches("abd"))
        #expect(!secret.matches(""))
        #expect(!Secret("").matches("a"))
        #expect(Secret("").matches(""))
        #expect(Secret("påskägg").matches("påskägg"))
        #expect(!Secret("påskägg").matches("paskagg"))
    }
}
