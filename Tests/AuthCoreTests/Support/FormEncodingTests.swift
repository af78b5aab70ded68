import AuthCore
import Testing

@Suite("Form encoding")
struct FormEncodingTests {
    @Test("passwords with &, +, =, spaces, | and non-ASCII survive a round trip")
    func hostileCharactersRoundTrip() {
        let password = "p&ss+w=rd |ü€ 100%"
        let encoded = FormEncoding.encode([("username", "user@example.test"), ("password", password)])
        #expect(encoded == "username=user%40example.test&password=p%26ss%2Bw%3Drd+%7C%C3%BC%E2%82%AC+100%25")
        let decoded = FormEncoding.decode(encoded)
        #expect(decoded.map(\.0) == ["username", "password"])
        #expect(decoded.last?.1 == password)
    }

    @Test("tokens with | are escaped and order is kept")
    func tokenWithPipe() {
        let encoded = FormEncoding.encode([("grant_type", "refresh_token"), ("refresh_token", "abc|def")])
        #expect(encoded == "grant_type=refresh_token&refresh_token=abc%7Cdef")
    }

    @Test("unreserved characters pass through unchanged")
    func unreserved() {
        #expect(FormEncoding.escape("AZaz09-._~") == "AZaz09-._~")
    }
}
