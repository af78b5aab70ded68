import AuthCore
import Foundation
import Testing

@testable import VendorCtlCore

@Suite("vendorctl viessmann login: the captured redirect reaches the kit unchanged")
struct ViessmannSignInTests {
    @Test("a code and state with + / = % and spaces survive re-encoding into the callback URL")
    func callbackURLKeepsReservedCharacters() throws {
        let code = "Ab+c/d==%2F e"
        let state = "s+t/a=te%"
        let url = try #require(
            ViessmannSignIn.callbackURL(
                URL(string: "http://127.0.0.1:4200/cb")!,
                [URLQueryItem(name: "code", value: code), URLQueryItem(name: "state", value: state)]))
        #expect(url.path == "/cb")
        let fields = FormEncoding.decode(
            URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? "")
        #expect(fields.first { $0.0 == "code" }?.1 == code)
        #expect(fields.first { $0.0 == "state" }?.1 == state)
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        #expect(items.first { $0.name == "code" }?.value == code)
    }
}
