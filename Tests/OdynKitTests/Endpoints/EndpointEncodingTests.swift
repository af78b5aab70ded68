import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

/// The rule for an endpoint that carries its own query: valid `%XX` escapes are kept, any other `%`
/// is a literal percent sign, and `&`, `=`, `#` inside a quoted literal are data.
@Suite("Endpoints with a query are encoded exactly once")
struct EndpointEncodingTests {
    @Test(
        "the bytes on the wire for raw and already-encoded endpoint queries",
        arguments: [
            (
                "items?$filter=displayName eq '100%'", "items?$filter=displayName%20eq%20'100%25'",
                "displayName eq '100%'"
            ),
            (
                "items?$filter=displayName eq 'A%20B'", "items?$filter=displayName%20eq%20'A%20B'",
                "displayName eq 'A B'"
            ),
            ("items?$filter=displayName%20eq%20'A'", "items?$filter=displayName%20eq%20'A'", "displayName eq 'A'"),
            ("items?$filter=displayName eq 'A&B'", "items?$filter=displayName%20eq%20'A%26B'", "displayName eq 'A&B'"),
            ("items?$filter=displayName eq 'a=b'", "items?$filter=displayName%20eq%20'a%3Db'", "displayName eq 'a=b'"),
            (
                "items?$filter=displayName eq 'C++'", "items?$filter=displayName%20eq%20'C%2B%2B'",
                "displayName eq 'C++'"
            ),
            (
                "items?$filter=displayName eq 'No #1'", "items?$filter=displayName%20eq%20'No%20%231'",
                "displayName eq 'No #1'"
            ),
            (
                "items?$filter=displayName eq 'Zoë'", "items?$filter=displayName%20eq%20'Zo%C3%AB'",
                "displayName eq 'Zoë'"
            ),
            (
                "items?$filter=displayName eq 'O''Brien & 50%'",
                "items?$filter=displayName%20eq%20'O''Brien%20%26%2050%25'",
                "displayName eq 'O''Brien & 50%'"
            ),
            (
                "items?$filter=number gt '1' and x lt 2%", "items?$filter=number%20gt%20'1'%20and%20x%20lt%202%25",
                "number gt '1' and x lt 2%"
            ),
        ])
    func wireBytes(endpoint: String, wire: String, filter: String) async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport)
        _ = try await client.get(endpoint, params: ["$top": 5])
        let url = try #require(transport.requests.first?.url)
        #expect(url.absoluteString == BC.api + wire + "&$top=5")
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        #expect(items.map(\.name) == ["$filter", "$top"])
        #expect(items.first?.value == filter)
    }

    @Test("the same rule holds in the path: a lone % is literal, escapes stay, a quoted ? does not start the query")
    func pathBytes() async throws {
        let transport = MockTransport()
        for _ in 0..<3 { transport.enqueue(.fixture(200, "odyn/vendors-empty.json")) }
        let client = try BC.client(transport: transport)
        _ = try await client.get("Company('100% Sure')/Customers")
        _ = try await client.get("Company('CRONUS%20USA')/Customers")
        _ = try await client.get("Company('What?')/Customers?$top=1")
        #expect(
            transport.requests.map(\.url.absoluteString) == [
                BC.api + "Company('100%25%20Sure')/Customers",
                BC.api + "Company('CRONUS%20USA')/Customers",
                BC.api + "Company('What%3F')/Customers?$top=1",
            ])
    }

    @Test("a batch operation URL follows the same rule")
    func batchOperationURL() throws {
        let operation = try ODataBatchOperation.get(
            "items?$filter=displayName eq '100% A&B'", query: ODataQuery().top(1)
        )
        #expect(operation.url == "items?$filter=displayName%20eq%20'100%25%20A%26B'&$top=1")
    }

    @Test("a # outside a quoted literal is still a fragment and refused")
    func fragmentOutsideQuotes() async throws {
        let transport = MockTransport()
        let client = try BC.client(transport: transport)
        for endpoint in ["items?$top=1#x", "items?$filter=a eq 'x'#y"] {
            let error = await BC.odynError { try await client.get(endpoint) }
            #expect(error?.code == .invalidEndpoint, "\(endpoint)")
        }
        #expect(transport.requests.isEmpty)
    }
}
