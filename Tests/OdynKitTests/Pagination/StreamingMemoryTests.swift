import AuthCore
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import OdynKit

@Suite("Streaming holds one page")
struct StreamingMemoryTests {
    /// A record whose lifetime the test can watch.
    final class Watched: Decodable, Sendable {
        let number: String
    }

    /// A weak reference to the last record handed out, readable from the transport.
    final class Watcher: Sendable {
        private struct Box: @unchecked Sendable { weak var record: Watched? }
        private let box = Mutex(Box())
        private let releasedAtSecondRequest = Mutex<Bool?>(nil)

        func watch(_ record: Watched) { box.withLock { $0.record = record } }
        func noteSecondRequest() {
            let released = box.withLock { $0.record == nil }
            releasedAtSecondRequest.withLock { $0 = released }
        }
        var pageWasReleased: Bool? { releasedAtSecondRequest.withLock { $0 } }
    }

    @Test("the records of a page are let go before the next page is requested")
    func previousPageIsReleased() async throws {
        let watcher = Watcher()
        let next = BC.api + BC.customers + "?$skiptoken=2"
        let transport = MockTransport { request in
            if request.url.query?.contains("skiptoken") == true {
                watcher.noteSecondRequest()
                return .json(200, #"{"value":[{"number":"C2"}]}"#)
            }
            return .json(200, #"{"value":[{"number":"C1"}],"@odata.nextLink":"\#(next)"}"#)
        }
        let client = try OdynClient(
            configuration: .init(baseURL: BC.api, session: try BC.session()), transport: transport)
        var records = client.records(BC.customers, as: Watched.self).makeAsyncIterator()
        do {
            let first = try #require(try await records.next())
            #expect(first.number == "C1")
            watcher.watch(first)
        }
        #expect(try await records.next()?.number == "C2")
        #expect(try await records.next() == nil)
        #expect(watcher.pageWasReleased == true)
    }

    @Test("the loop guard tells links apart and recognises a repeat, by digest")
    func visitedLinks() {
        var links = ODataVisitedLinks()
        let base = BC.api + BC.customers + "?$skiptoken="
        var added = 0
        for page in 0..<10_000 where links.insert(base + String(page)) { added += 1 }
        #expect(added == 10_000)
        #expect(links.count == 10_000)
        let repeated = links.insert(base + "4711")
        #expect(!repeated)
        let long = base + String(repeating: "x", count: 100_000)
        let results = [links.insert(long), links.insert(String(long)), links.insert(long + "y")]
        #expect(results == [true, false, true])
        #expect(links.count == 10_002)
    }
}
