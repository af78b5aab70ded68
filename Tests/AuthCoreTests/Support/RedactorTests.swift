import AuthCore
import Foundation
import HTTPTypes
import Testing

@Suite("Redaction")
struct RedactorTests {
    let redactor = Redactor.default

    @Test("secret query values and user-info are removed from URLs")
    func urls() {
        let url = URL(string: "https://user:pw@api.example.test/cb?code=abc&state=xyz&page=2&access_token=t#frag")!
        let text = redactor.redact(url: url)
        #expect(text == "https://api.example.test/cb?code=<redacted>&state=<redacted>&page=2&access_token=<redacted>")
    }

    @Test("all query values are removed when asked")
    func allQueryValues() {
        let strict = Redactor(queryValues: .all)
        let url = URL(string: "https://api.example.test/items?$filter=email%20eq%20'a@b.c'&$top=5")!
        #expect(strict.redact(url: url) == "https://api.example.test/items?$filter=<redacted>&$top=<redacted>")
    }

    @Test("secret headers are replaced, others kept")
    func headers() {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer abc"
        fields[.cookie] = "Authentication=jwt"
        fields[HTTPField.Name("X-Api-Key")!] = "k"
        fields[.accept] = "application/json"
        let redacted = redactor.redact(headers: fields)
        #expect(redacted["authorization"] == "<redacted>")
        #expect(redacted["cookie"] == "<redacted>")
        #expect(redacted["x-api-key"] == "<redacted>")
        #expect(redacted["accept"] == "application/json")
    }

    @Test("JSON bodies lose secret members at any depth, whatever their spelling")
    func jsonBodies() throws {
        let body = Data(
            #"{"access_token":"a1","data":{"refreshToken":"r1","user":"u"},"items":[{"Client-Secret":"s"}]}"#.utf8)
        let excerpt = try #require(redactor.excerpt(of: body, contentType: "application/json"))
        #expect(!excerpt.contains("a1") && !excerpt.contains("r1") && !excerpt.contains("\"s\""))
        #expect(excerpt.contains("\"user\":\"u\""))
    }

    @Test("form bodies and free text are scrubbed")
    func formAndText() throws {
        let form = Data("grant_type=password&username=u&password=hunter2".utf8)
        let formExcerpt = try #require(redactor.excerpt(of: form, contentType: "application/x-www-form-urlencoded"))
        #expect(formExcerpt == "grant_type=password&username=u&password=<redacted>")
        let text = Data("error: token=abc123 rejected; header was Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig".utf8)
        let textExcerpt = try #require(redactor.excerpt(of: text, contentType: "text/plain"))
        #expect(!textExcerpt.contains("abc123"))
        #expect(!textExcerpt.contains("eyJhbGciOiJIUzI1NiJ9"))
    }

    @Test("excerpts are capped and binary data is summarised")
    func capsAndBinary() throws {
        let long = Data(String(repeating: "x", count: 2000).utf8)
        #expect(try #require(Redactor(maximumExcerptLength: 100).excerpt(of: long)).count == 101)
        #expect(redactor.excerpt(of: Data([0xFF, 0xFE, 0x00])) == "<3 bytes of binary data>")
        #expect(redactor.excerpt(of: Data()) == nil)
    }

    @Test("Secret never prints its value")
    func secretDescription() {
        let secret = Secret("hunter2")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
    }
}
