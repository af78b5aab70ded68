import AuthCore
import Foundation
import Testing

@Suite("Redactor scrubbing")
struct RedactorScrubbingTests {
    let redactor = Redactor()

    @Test("the free-text rules still catch credentials, JWTs and keyed secrets")
    func rules() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl"
        let text =
            "auth:\n  Bearer abc.DEF-123 then basic dXNlcjpwYXNz and \(jwt) and password=hunter22&x=1 "
            + #"{"client_secret": "s3cr3t-value", "refresh_token":'rt-998877'}"#
        let scrubbed = redactor.scrub(text: text)
        for secret in ["abc.DEF-123", "dXNlcjpwYXNz", jwt, "hunter22", "s3cr3t-value", "rt-998877", "c2lnbmF0dXJl"] {
            #expect(!scrubbed.contains(secret), "\(secret) survived")
        }
        #expect(scrubbed.contains("x=1"))
        #expect(!scrubbed.contains("\n"))
        #expect(scrubbed.hasPrefix("auth: <redacted> then"))
    }

    @Test("text that only looks like the start of a JWT is left alone")
    func nearMisses() {
        #expect(redactor.scrub(text: "eyJabc.def") == "eyJabc.def")
        #expect(redactor.scrub(text: "tokens: none") == "tokens: none")
    }

    @Test(
        "scrubbing 1 MB of JWT-like text is linear: the repeated prefix is read, not re-scanned",
        .timeLimit(.minutes(1))
    )
    func linearOnJWTLikeText() {
        // 48 KB took seconds with the regular expressions; 1 MB would take minutes.
        let hostile = String(repeating: "eyJ", count: 350_000)
        let scrubbed = redactor.scrub(text: hostile)
        #expect(scrubbed == hostile)
        let withDots = String(repeating: "eyJaaaaa.", count: 100_000)
        #expect(redactor.scrub(text: withDots).contains(Redactor.placeholder))
    }

    @Test("an excerpt of a huge body reads only its start and stays short")
    func boundedExcerpt() {
        let body = Data(("<p>" + String(repeating: "eyJ", count: 2_000_000) + "</p>").utf8)
        let excerpt = redactor.excerpt(of: body, contentType: "text/html")
        #expect((excerpt?.count ?? 0) <= redactor.maximumExcerptLength + 1)
        let bigJSON = Data((#"{"message":""# + String(repeating: "x", count: 3_000_000) + #""}"#).utf8)
        #expect((redactor.excerpt(of: bigJSON)?.count ?? 0) <= redactor.maximumExcerptLength + 1)
    }

    @Test("a multi-byte character cut at the excerpt boundary does not make the body binary")
    func cutCharacter() {
        let text = String(repeating: "é", count: 5_000)
        let excerpt = redactor.excerpt(of: Data(text.utf8), contentType: "text/plain")
        #expect(excerpt?.hasPrefix("ééé") == true)
    }
}
