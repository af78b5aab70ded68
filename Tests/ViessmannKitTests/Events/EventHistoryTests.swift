import AuthCore
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Event history")
struct EventHistoryTests {
    @Test("one page per call: lastNDays then the cursor, until next is \"\"")
    func pages() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("events_page1.json"))
        transport.enqueue(vi("events_page2.json"))
        let client = try apiClient(transport)
        let first = try await client.eventHistory(installationID: "4711", window: .lastDays(7), limit: 2)
        #expect(first.events.map(\.eventType) == ["device-error", "feature-changed"])
        #expect(first.events[0].body["errorCode"] == "F.160")
        #expect(first.events[0].deviceID == "0")
        #expect(first.nextCursor == "ev-cursor-2")
        let second = try await client.eventHistory(installationID: "4711", window: .cursor("ev-cursor-2"))
        #expect(second.events.count == 1)
        #expect(second.nextCursor == nil)
        #expect(
            transport.requests.map(\.url.absoluteString) == [
                "\(apiBase)/iot/v2/events-history/installations/4711/events?lastNDays=7&limit=2",
                "\(apiBase)/iot/v2/events-history/installations/4711/events?cursor=ev-cursor-2&limit=1000",
            ])
    }

    @Test("allEvents follows the cursor to the last page; a cursor that comes back is a loop")
    func allEvents() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("events_page1.json"))
        transport.enqueue(vi("events_page2.json"))
        let events = try await apiClient(transport).allEvents(installationID: "4711", lastDays: 2)
        #expect(events.map(\.eventType) == ["device-error", "feature-changed", "gateway-online"])
        let looping = MockTransport { _ in vi("events_page1.json") }
        let error = await caught { _ = try await apiClient(looping).allEvents(installationID: "4711") }
        #expect((error as? ViessmannError)?.code == .paginationLoop)
        #expect(looping.requests.count == 2)
    }

    @Test("limits outside 1…1000, days outside 1…365 and an empty cursor are refused before sending")
    func arguments() async throws {
        let transport = MockTransport()
        let client = try apiClient(transport)
        for (window, limit) in [
            (ViessmannEventWindow.lastDays(1), 1001), (.lastDays(1), 0), (.lastDays(0), 10),
            (.cursor(""), 10),
        ] {
            let error = await caught {
                _ = try await client.eventHistory(installationID: "4711", window: window, limit: limit)
            }
            #expect((error as? ViessmannError)?.code == .invalidArgument)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("events without a type or timestamp are refused")
    func shape() async throws {
        let transport = MockTransport { _ in .json(200, #"{"data":[{"body":{}}]}"#) }
        let error = await caught { _ = try await apiClient(transport).eventHistory(installationID: "4711") }
        #expect((error as? ViessmannError)?.code == .invalidResponse)
    }
}
