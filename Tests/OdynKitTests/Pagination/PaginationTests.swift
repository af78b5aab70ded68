import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import TestSupport
import Testing
import VendorFixtures

@testable import OdynKit

@Suite("Pagination")
struct PaginationTests {
    @Test("a single page returns its records with one request carrying the caller's headers (scenario 5)")
    func singlePage() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customers-single-page.json"))
        let client = try BC.client(transport: transport)
        let records = try await client.get(BC.customers, headers: BC.header("X-Trace", "abc"))
        #expect(records.count == 2)
        #expect(records.first?["number"] == "C00010")
        #expect(records.last?["displayName"] == "O'Brien & Sons")
        #expect(transport.requests.count == 1)
        #expect(transport.requests.first?.headers[HTTPField.Name("X-Trace")!] == "abc")
        #expect(transport.requests.first?.headers[.authorization] == "Bearer \(BC.bearer.revealed)")
        #expect(transport.requests.first?.headers[.accept] == "application/json")
    }

    @Test("two pages: nextLink followed exactly, headers on both, @odata.count kept (scenario 6)")
    func multiPage() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customers-page1.json"))
        transport.enqueue(.fixture(200, "odyn/customers-page2.json"))
        let client = try BC.client(transport: transport)
        let query = ODataQuery().select("number", "displayName").count()
        let collection = try await client.collect(
            BC.customers, query: query, headers: BC.header("Prefer", "odata.maxpagesize=2")
        )
        #expect(collection.records.map { $0["number"]?.stringValue } == ["C00010", "C00020", "C00030"])
        #expect(collection.totalCount == 3)
        #expect(collection.pageCount == 2)
        #expect(collection.context == BC.api + "$metadata#companies(\(BC.company))/customers(number,displayName)")
        let page1 = try BC.json("odyn/customers-page1.json")
        #expect(transport.requests.count == 2)
        #expect(
            transport.requests[0].url.absoluteString == BC.api + BC.customers
                + "?$select=number,displayName&$count=true")
        #expect(transport.requests[1].url.absoluteString == page1["@odata.nextLink"]?.stringValue)
        #expect(transport.requests.allSatisfy { $0.headers[HTTPField.Name("Prefer")!] == "odata.maxpagesize=2" })
    }

    @Test("pages keep their annotations and number")
    func pageSequence() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customers-page1.json"))
        transport.enqueue(.fixture(200, "odyn/customers-page2.json"))
        let client = try BC.client(transport: transport, pagination: ODataPagination(maxPageSize: 2))
        var pages: [ODataPage<BCCustomer>] = []
        for try await page in client.pages(.customers, company: BC.company) { pages.append(page) }
        #expect(pages.map(\.number) == [1, 2])
        #expect(pages.map(\.records.count) == [2, 1])
        #expect(pages[0].totalCount == 3)
        #expect(pages[0].nextLink == transport.requests[1].url)
        #expect(pages[1].nextLink == nil)
        #expect(pages[1].deltaLink == nil)
        #expect(pages[1].records.first?.etag == ODataETag("W/\"JzE4OzMwMDAwMDAwMDAwMTswMDsn\""))
        #expect(transport.requests.allSatisfy { $0.headers[HTTPField.Name("Prefer")!] == "odata.maxpagesize=2" })
    }

    @Test("a relative nextLink is resolved against the request URL (scenario 7)")
    func relativeNextLink() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/items-relative-nextlink.json"))
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport)
        let items = try await client.collect(BC.items, as: BCItem.self)
        #expect(items.records.map(\.number) == ["1000"])
        #expect(transport.requests.count == 2)
        #expect(
            transport.requests[1].url.absoluteString == BC.api + BC.items
                + "?$skiptoken=a0000000-0000-0000-0000-000000000001")
    }

    @Test("a nextLink that repeats throws paginationLoop after delivering the page")
    func repeatingNextLink() async throws {
        let link = BC.api + BC.customers + "?$skiptoken=same"
        let page = #"{"value":[{"number":"C1"}],"@odata.nextLink":"\#(link)"}"#
        let transport = MockTransport()
        transport.enqueue(.json(200, page))
        transport.enqueue(.json(200, page))
        let client = try BC.client(transport: transport)
        var seen = 0
        let error = await BC.odynError {
            for try await _ in client.records(BC.customers) { seen += 1 }
        }
        #expect(error?.code == .paginationLoop)
        #expect(seen == 2)
        #expect(transport.requests.count == 2)
    }

    @Test("a nextLink back to the first URL is a loop too")
    func loopToFirstPage() async throws {
        let page = #"{"value":[],"@odata.nextLink":"\#(BC.api)vendors"}"#
        let transport = MockTransport()
        transport.enqueue(.json(200, page))
        let client = try BC.client(transport: transport)
        let error = await BC.odynError { try await client.get("vendors") }
        #expect(error == OdynError(.paginationLoop, "the next link repeats a page already read: \(BC.api)vendors"))
        #expect(transport.requests.count == 1)
    }

    @Test("a nextLink to another host is refused")
    func foreignHost() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"value":[],"@odata.nextLink":"https://evil.example/steal?$skiptoken=1"}"#))
        let client = try BC.client(transport: transport)
        let error = await BC.odynError { try await client.get("vendors") }
        #expect(error?.code == .untrustedNextLink)
        #expect(error?.message.contains("evil.example") == true)
        #expect(error?.isTransient == false)
        #expect(transport.requests.count == 1)
    }

    @Test("maxPages = 1 throws pageLimitReached after the first page, or truncates")
    func pageLimit() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customers-page1.json"))
        let client = try BC.client(transport: transport, pagination: ODataPagination(maxPages: 1))
        var received = 0
        let error = await BC.odynError {
            for try await page in client.pages(BC.customers) { received += page.records.count }
        }
        #expect(error == OdynError(.pageLimitReached, "more pages exist than the limit of 1 allows"))
        #expect(received == 2)
        #expect(transport.requests.count == 1)

        let truncating = MockTransport()
        truncating.enqueue(.fixture(200, "odyn/customers-page1.json"))
        let quiet = try BC.client(transport: truncating)
        let collection = try await quiet.collect(
            BC.customers, pagination: ODataPagination(maxPages: 1, limitBehavior: .truncate))
        #expect(collection.records.count == 2)
        #expect(collection.totalCount == 3)
        #expect(truncating.requests.count == 1)
    }

    @Test("an empty collection returns no records")
    func emptyCollection() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try BC.client(transport: transport)
        let vendors = try await client.list(.vendors, company: BC.company)
        #expect(vendors.records.isEmpty)
        #expect(vendors.context == BC.api + "$metadata#companies(\(BC.company))/vendors")
    }

    @Test("firstPage reads one page and does not follow the link")
    func firstPageOnly() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customers-page1.json"))
        let client = try BC.client(transport: transport)
        let page = try await client.firstPage(BC.customers, as: BCCustomer.self)
        #expect(page.records.count == 2)
        #expect(page.nextLink != nil)
        #expect(transport.requests.count == 1)
    }

    @Test("a 429 with Retry-After in the middle of pagination waits and continues")
    func throttledMidPagination() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customers-page1.json"))
        transport.enqueue(.fixture(429, "odyn/error-throttled.json", headers: BC.header("Retry-After", "7")))
        transport.enqueue(.fixture(200, "odyn/customers-page2.json"))
        let clock = TestClock()
        let client = try BC.client(transport: transport, clock: clock)
        let records = try await client.get(BC.customers)
        #expect(records.count == 3)
        #expect(clock.sleeps == [.seconds(7)])
        #expect(transport.requests.count == 3)
        #expect(transport.requests[1].url == transport.requests[2].url)
    }

    @Test("a malformed page in the middle ends the stream with invalidODataResponse after the good records")
    func malformedMiddlePage() async throws {
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/customers-page1.json"))
        transport.enqueue(.fixture(200, "odyn/malformed-value-string.json"))
        let client = try BC.client(transport: transport)
        var numbers: [String] = []
        let error = await BC.odynError {
            for try await customer in client.records(BC.customers, as: BCCustomer.self) {
                numbers.append(customer.number ?? "")
            }
        }
        #expect(numbers == ["C00010", "C00020"])
        #expect(error == OdynError(.invalidODataResponse, "OData response 'value' is not a list"))
    }

    @Test("100,000 records stream through 100 pages, fetched only as they are consumed")
    func streamsManyPages() async throws {
        let pageSize = 1000
        let pageCount = 100
        let transport = MockTransport { request in
            let start = request.url.query?.split(separator: "=").last.flatMap { Int($0) } ?? 0
            var body = #"{"value":["#
            body += (start..<(start + pageSize)).map { #"{"n":\#($0)}"# }.joined(separator: ",")
            body += "]"
            if start + pageSize < pageSize * pageCount {
                body += #","@odata.nextLink":"\#(BC.api)rows?$skiptoken=\#(start + pageSize)""#
            }
            body += "}"
            return .json(200, body)
        }
        struct Row: Decodable, Sendable { let n: Int }
        let client = try BC.client(transport: transport)
        var count = 0
        var sum = 0
        var maxAhead = 0
        for try await row in client.records("rows", as: Row.self) {
            if row.n % pageSize == 0 {
                maxAhead = max(maxAhead, transport.requests.count - row.n / pageSize)
            }
            count += 1
            sum += row.n
        }
        #expect(count == pageSize * pageCount)
        #expect(sum == (pageSize * pageCount - 1) * pageSize * pageCount / 2)
        #expect(transport.requests.count == pageCount)
        #expect(maxAhead == 1)
    }

    @Test("breaking out early stops fetching")
    func earlyExit() async throws {
        let counter = Counter()
        let transport = MockTransport { _ in
            let next = counter.increment()
            return .json(200, #"{"value":[{"n":\#(next)}],"@odata.nextLink":"\#(BC.api)rows?$skiptoken=\#(next)"}"#)
        }
        let client = try BC.client(transport: transport)
        var taken = 0
        for try await _ in client.records("rows") {
            taken += 1
            if taken == 3 { break }
        }
        #expect(transport.requests.count == 3)
    }
}
