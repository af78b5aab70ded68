import AuthCore
import Foundation
import HTTPTypes
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Page reader: dynamic and typed records")
struct ODataPageReaderTests {
    struct Row: Decodable, Sendable, Equatable {
        let number: String?
    }

    static func response(_ body: String, url: String = "https://x.test/api/customers") -> RawResponse {
        var head = HTTPResponse(status: .ok)
        head.headerFields[.contentType] = "application/json"
        return RawResponse(head: head, body: Data(body.utf8), url: URL(string: url)!)
    }

    @Test(
        "the dynamic reader and the typed reader read the same annotations from the same page",
        arguments: [
            "odyn/customers-page1.json", "odyn/customers-page2.json", "odyn/items-relative-nextlink.json",
            "odyn/vendors-empty.json",
        ])
    func sameAnnotations(path: String) throws {
        let response = Self.response(try Fixture.text(path))
        let dynamic = try ODataPageReader.page(ODataRecord.self, from: response, decoder: JSONDecoder())
        let typed = try ODataPageReader.page(Row.self, from: response, decoder: JSONDecoder())
        #expect(dynamic.count == typed.count)
        #expect(dynamic.context == typed.context)
        #expect(dynamic.nextLink == typed.nextLink)
        #expect(dynamic.deltaLink == typed.deltaLink)
        #expect(dynamic.records.map { $0["number"]?.stringValue } == typed.records.map(\.number))
        #expect(dynamic.url == response.url)
    }

    @Test(
        "both readers refuse the same wrong shapes with the same reason",
        arguments: [
            (#"{"data":[]}"#, "OData response missing 'value' list"),
            (#"{"value":null}"#, "OData response 'value' is null"),
            (#"{"value":"x"}"#, "OData response 'value' is not a list"),
            ("[1,2]", "the response is not a JSON object"),
            (#"{"value":[],"@odata.nextLink":{}}"#, "'@odata.nextLink' is not a string"),
        ])
    func sameRefusals(body: String, reason: String) {
        let response = Self.response(body)
        let expected = OdynError(.invalidODataResponse, reason)
        #expect(throws: expected) { try ODataPageReader.page(ODataRecord.self, from: response, decoder: JSONDecoder()) }
        #expect(throws: expected) { try ODataPageReader.page(JSONValue.self, from: response, decoder: JSONDecoder()) }
        #expect(throws: expected) { try ODataPageReader.page(Row.self, from: response, decoder: JSONDecoder()) }
    }

    @Test("an empty next link or a null one means the last page")
    func emptyNextLink() throws {
        for link in [#""""#, "null"] {
            let response = Self.response(#"{"value":[],"@odata.nextLink":\#(link)}"#)
            #expect(try ODataPageReader.page(ODataRecord.self, from: response, decoder: JSONDecoder()).nextLink == nil)
            #expect(try ODataPageReader.page(Row.self, from: response, decoder: JSONDecoder()).nextLink == nil)
        }
    }
}
