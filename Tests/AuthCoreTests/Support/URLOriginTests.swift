import AuthCore
import Foundation
import Testing

@Suite("URL origins")
struct URLOriginTests {
    @Test("default ports, case and paths do not change an origin; scheme, host and port do")
    func sameOrigin() {
        let base = URL(string: "https://API.example.com/v2/items")!
        #expect(URLOrigin.same(base, URL(string: "https://api.example.com:443/other?x=1")!))
        #expect(URLOrigin.same(URL(string: "http://[::1]/a")!, URL(string: "http://[::1]:80/b")!))
        #expect(!URLOrigin.same(base, URL(string: "http://api.example.com/v2")!))
        #expect(!URLOrigin.same(base, URL(string: "https://api.example.com:8443/v2")!))
        #expect(!URLOrigin.same(base, URL(string: "https://api.example.com.evil.test/v2")!))
        #expect(URLOrigin(URL(string: "ftp://files.example.com/x")!) == nil)
        #expect(URLOrigin(base)?.description == "https://api.example.com:443")
    }
}

@Suite("Lenient JSON reading")
struct JSONLenientTests {
    @Test("integers from numbers and digit strings; nil for what is not an integer")
    func lenientInt() throws {
        let json = try JSONValue(jsonData: Data(#"[7, 7.9, "  12 ", "4.2", true, null, 1e30, "x"]"#.utf8))
        let values = (0..<8).map { json[$0]?.lenientInt }
        #expect(values == [7, 7, 12, nil, nil, nil, nil, nil])
    }

    @Test("doubles from numbers and plain numeric strings only")
    func lenientDouble() throws {
        let json = try JSONValue(jsonData: Data(#"[1.5, "-3e2", "12,5", "nan", "inf", "0x10", false]"#.utf8))
        let values = (0..<7).map { json[$0]?.lenientDouble }
        #expect(values == [1.5, -300, nil, nil, nil, nil, nil])
    }

    @Test("text from scalars, compact JSON from containers, nil for null")
    func lenientString() throws {
        let json = try JSONValue(jsonData: Data(#"["a", 12.50, true, null, {"b":[1]}]"#.utf8))
        let values = (0..<5).map { json[$0]?.lenientString }
        #expect(values == ["a", "12.5", "true", nil, #"{"b":[1]}"#])
    }

    @Test("identifiers are positive integers in Int range, written as integers or digits")
    func identifiers() throws {
        let json = try JSONValue(
            jsonData: Data(#"[880045, 880045.0, " 42 ", 0, -1, 0.5, 1e30, "+5", "abc", true, null]"#.utf8))
        let values = (0..<11).map { json[$0]?.positiveIdentifier }
        #expect(values == [880045, 880045, 42, nil, nil, nil, nil, nil, nil, nil, nil])
    }
}
