import Testing

@testable import AuthCore

@Suite("ProductUserAgent")
struct ProductUserAgentTests {
    @Test("product and version first, then AuthCore's version and the platform")
    func shape() {
        let value = ProductUserAgent.value(product: "ExampleKit", version: "2.3.4")
        #expect(value == "ExampleKit/2.3.4 AuthCore/\(AuthCoreVersion.current) (\(ProductUserAgent.platform))")
    }

    @Test("characters an HTTP product token cannot hold are left out, so no header can be split or forged")
    func tokenCharacters() {
        let value = ProductUserAgent.value(product: "Evil Kit\r\nX-Injected: 1", version: "1.0 (beta)")
        #expect(value.hasPrefix("EvilKitX-Injected1/1.0beta AuthCore/"))
        #expect(!value.contains("\r") && !value.contains("\n"))
        #expect(ProductUserAgent.value(product: "", version: "").hasPrefix("unknown/unknown "))
    }

    @Test("AuthCore's version is a semantic version")
    func semanticVersion() {
        let parts = AuthCoreVersion.current.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { UInt($0) != nil })
    }
}
