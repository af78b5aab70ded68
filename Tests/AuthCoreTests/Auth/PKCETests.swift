import AuthCore
import Foundation
import Testing

@Suite("PKCE")
struct PKCETests {
    @Test("matches the RFC 7636 appendix B vector")
    func rfcVector() throws {
        let pair = try PKCE(verifier: Secret("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        #expect(pair.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(PKCE.method == "S256")
    }

    @Test("a generated verifier has 43 unreserved characters (32 random bytes) and differs each time")
    func generated() {
        let first = PKCE()
        let second = PKCE()
        #expect(first.verifier.revealed.count == 43)
        #expect(first.verifier.revealed.allSatisfy { $0.isLetter || $0.isNumber || "-._~".contains($0) })
        #expect(first.verifier != second.verifier)
        #expect(first.challenge == PKCE.challenge(for: first.verifier.revealed))
    }

    @Test("verifiers that are too short, too long or use other characters are refused")
    func invalidVerifiers() {
        for bad in [
            String(repeating: "a", count: 42), String(repeating: "a", count: 129),
            String(repeating: "a", count: 42) + "+",
        ] {
            #expect(throws: APIError.self) { try PKCE(verifier: Secret(bad)) }
        }
    }
}
