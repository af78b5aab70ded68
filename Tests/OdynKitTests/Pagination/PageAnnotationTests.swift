import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("@odata.count spellings and next-link origins")
struct PageAnnotationTests {
    @Test(
        "@odata.count as a number or a string of digits is read",
        arguments: [
            (#"3"#, 3), (#""3""#, 3), (#""0""#, 0), (#"0"#, 0), (#""9223372036854775807""#, Int.max),
        ])
    func readableCounts(json: String, count: Int) async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[{"n":1}],"@odata.count":\#(json)}"#))
        let client = try BC.client(transport: transport)
        let collection = try await client.collect("vendors")
        #expect(collection.totalCount == count)
        #expect(collection.records.count == 1)
    }

    @Test(
        "a negative, fractional, huge or non-numeric @odata.count is treated as absent, never a trap",
        arguments: [
            #""-3""#, #"-3"#, #""3.5""#, #"3.5"#, #""+3""#, #"" 3""#, #""""#, #""9223372036854775808""#,
            #""99999999999999999999999999""#, #"1e30"#, #"true"#, #"null"#, #""abc""#, #"[3]"#,
        ])
    func unreadableCounts(json: String) async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[{"n":1}],"@odata.count":\#(json)}"#))
        let client = try BC.client(transport: transport)
        let collection = try await client.collect("vendors")
        #expect(collection.totalCount == nil)
        #expect(collection.records.count == 1)
    }

    @Test("a next link to the same host with the explicit default port is followed")
    func explicitDefaultPort() async throws {
        let linked = BC.api.replacingOccurrences(of: ".com/", with: ".com:443/") + "vendors?$skiptoken=2"
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[{"n":1}],"@odata.nextLink":"\#(linked)"}"#))
        transport.enqueue(.json(200, #"{"value":[{"n":2}]}"#))
        let client = try BC.client(transport: transport)
        let records = try await client.get("vendors")
        #expect(records.count == 2)
        #expect(transport.requests.map(\.url.absoluteString) == [BC.api + "vendors", BC.api + "vendors?$skiptoken=2"])
    }

    @Test("a next link with the default port back to a page already read is still a loop")
    func explicitDefaultPortLoop() async throws {
        let linked = BC.api.replacingOccurrences(of: ".com/", with: ".com:443/") + "vendors"
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[],"@odata.nextLink":"\#(linked)"}"#))
        let client = try BC.client(transport: transport)
        let error = await BC.odynError { try await client.get("vendors") }
        #expect(error == OdynError(.paginationLoop, "the next link repeats a page already read: \(BC.api)vendors"))
    }

    @Test(
        "a next link to another port or scheme of the same host is refused",
        arguments: [
            "https://api.businesscentral.dynamics.com:8443/x", "http://api.businesscentral.dynamics.com/x",
            "http://api.businesscentral.dynamics.com:443/x", "ftp://api.businesscentral.dynamics.com/x",
        ])
    func otherOrigins(link: String) async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[],"@odata.nextLink":"\#(link)"}"#))
        let client = try BC.client(transport: transport)
        let error = await BC.odynError { try await client.get("vendors") }
        #expect(error?.code == .untrustedNextLink)
        #expect(error?.message.contains("api.businesscentral.dynamics.com") == true)
        #expect(transport.requests.count == 1)
    }
}
