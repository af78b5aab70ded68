import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("Action envelopes for every namespace/name pair")
struct EnvelopeTests {
    static var uuidPattern: Regex<Substring> { /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/ }

    @Test("Discovery: Uhome.Device/Discovery, payloadVersion 1, payload {}, fresh lower-case UUID v4 ids")
    func discoveryEnvelope() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        transport.enqueue(UT.fixture("discovery.json"), path: "/action")
        let client = try UT.client(transport: transport)
        _ = try await client.discoverDevices()
        _ = try await client.discoverDevices()
        let bodies = UT.actions(transport)
        #expect(bodies.count == 2)
        let expected = UT.withoutMessageID(try UT.json("utec/discovery-request.json"))
        #expect(UT.withoutMessageID(bodies[0]) == expected)
        let ids = bodies.compactMap { $0["header"]?["messageId"]?.stringValue }
        #expect(ids.count == 2 && ids[0] != ids[1])
        for id in ids { #expect(id.wholeMatch(of: Self.uuidPattern) != nil, "\(id)") }
    }

    @Test("Query: several devices in one call, customData echoed in camelCase for the device that has it")
    func queryEnvelope() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("query.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let result = try await client.query(UT.devices())
        #expect(result.states.count == 3)
        #expect(transport.requests.count == 1)
        let body = try #require(UT.actions(transport).first)
        #expect(UT.withoutMessageID(body) == UT.withoutMessageID(try UT.json("utec/query-request.json")))
        #expect(body.lenientString?.contains("custom_data") == false)
    }

    @Test("Query batches are split by maximumDevicesPerQuery")
    func querySplit() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("query.json"), path: "/action")
        transport.enqueue(UT.fixture("query.json"), path: "/action")
        let client = try UT.client(transport: transport) { $0.maximumDevicesPerQuery = 2 }
        _ = try await client.query(deviceIDs: [UT.lockID, UT.switchID, UT.lightID])
        let counts = UT.actions(transport).map { $0["payload"]?["devices"]?.arrayValue?.count }
        #expect(counts == [2, 1])
    }

    @Test("Command: setLevel(55) and unlock match the fixtures; unlock has no arguments key")
    func commandEnvelopes() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("command-ack.json"), path: "/action")
        transport.enqueue(UT.fixture("command-ack-non-numeric.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let lock = try UT.device(UT.lockID)
        let light = try UT.device(UT.lightID)
        _ = try await client.send(.unlock, to: lock)
        _ = try await client.send(.setLevel(55), to: light)
        let bodies = UT.actions(transport).map(UT.withoutMessageID)
        #expect(bodies[0] == UT.withoutMessageID(try UT.json("utec/command-request-unlock.json")))
        #expect(bodies[1] == UT.withoutMessageID(try UT.json("utec/command-request-level.json")))
        #expect(bodies[0]["payload"]?["devices"]?[0]?["command"]?["arguments"] == nil)
    }

    @Test("empty arguments are left out; setLevel(50) sends level 50")
    func commandArguments() throws {
        let empty = try JSONValue(
            jsonData: JSONEncoder().encode(UtecDeviceCommand(capability: .switch, name: "off", arguments: [:])))
        #expect(empty["arguments"] == nil)
        let level = try JSONValue(jsonData: JSONEncoder().encode(UtecDeviceCommand.setLevel(50)))
        #expect(level == ["capability": "st.switchLevel", "name": "setLevel", "arguments": ["level": 50]])
        let off = try JSONValue(jsonData: JSONEncoder().encode(UtecDeviceCommand.turnOff))
        #expect(off == ["capability": "st.switch", "name": "off"])
    }

    @Test("Configure/Set registers the URL and secret as documented; the [] payload is accepted")
    func configureSet() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("configure-set.json"), path: "/action")
        let client = try UT.client(transport: transport)
        try await client.registerWebhook(
            url: URL(string: "https://hooks.example.test/utec")!, secret: "push-secret-abc123")
        let body = try #require(UT.actions(transport).first)
        #expect(UT.withoutMessageID(body) == UT.withoutMessageID(try UT.json("utec/configure-set-request.json")))
        let bad = await UT.utecError {
            try await client.registerWebhook(url: URL(string: "ftp://hooks.example.test/x")!, secret: "s")
        }
        #expect(bad?.code == .invalidArgument)
        let noSecret = await UT.utecError {
            try await client.registerWebhook(url: URL(string: "https://hooks.example.test/x")!, secret: "")
        }
        #expect(noSecret?.code == .invalidArgument)
        #expect(transport.requests.count == 1)
    }

    @Test("User/Get, User/Logout and Configure/Query send their pairs with payload {}")
    func userAndConfigure() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("user.json"), path: "/action")
        transport.enqueue(UT.fixture("logout.json"), path: "/action")
        transport.enqueue(UT.fixture("configure-query.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let user = try await client.user()
        #expect(user == UtecUser(id: "user-0001", firstName: "Test", lastName: "Person"))
        try await client.logout()
        let configuration = try await client.notificationConfiguration()
        #expect(configuration["configure"]?["notification"]?["url"] == "https://hooks.example.test/utec")
        let pairs = UT.actions(transport).map {
            "\($0["header"]?["namespace"]?.stringValue ?? "")/\($0["header"]?["name"]?.stringValue ?? "")"
        }
        #expect(pairs == ["Uhome.User/Get", "Uhome.User/Logout", "Uhome.Configure/Query"])
        #expect(UT.actions(transport).allSatisfy { $0["payload"] == [:] && $0["header"]?["payloadVersion"] == "1" })
    }

    @Test("user names are read leniently (FirstName, last_name, numeric id)")
    func userLenient() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("user-irregular.json"), path: "/action")
        let user = try await UT.client(transport: transport).user()
        #expect(user == UtecUser(id: "1002", firstName: "Sample", lastName: "Tester"))
    }

    @Test("perform sends any request and returns the envelope; the response header accepts playloadVersion")
    func performRaw() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("discovery-irregular.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let response = try await client.perform(.discovery(messageID: "6e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b"))
        #expect(response.header?.payloadVersion == "1")
        #expect(response.header?.operation == .discovery)
        #expect(response.payload["devices"]?.arrayValue?.count == 7)
    }

    @Test("perform keeps the caller's header fields but sets JSON content type, Accept and the bearer token itself")
    func callerHeaders() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("user.json"), path: "/action")
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Request-Id")!] = "req-42"
        headers[.accept] = "text/plain"
        headers[.contentType] = "text/plain"
        headers[.authorization] = "Bearer caller-token"
        _ = try await UT.client(transport: transport).perform(.userGet(), headers: headers)
        let request = try #require(transport.requests.first)
        #expect(request.headers[HTTPField.Name("X-Request-Id")!] == "req-42")
        #expect(request.headers[.accept] == "application/json")
        #expect(request.headers[.contentType]?.hasPrefix("application/json") == true)
        #expect(request.headers[.authorization] == "Bearer at-test-123")
    }

    @Test("the header decodes with playloadVersion, messageID or no version at all")
    func headerDecoding() throws {
        let misspelled = try JSONDecoder().decode(
            UtecActionHeader.self,
            from: Data(
                #"{"namespace":"Uhome.Notification","name":"DeviceState","messageId":"m","playloadVersion":"1"}"#.utf8))
        #expect(misspelled.payloadVersion == "1")
        let legacy = try JSONDecoder().decode(
            UtecActionHeader.self, from: Data(#"{"namespace":"Uhome.Device","name":"Query","messageID":"old"}"#.utf8))
        #expect(legacy.messageID == "old" && legacy.payloadVersion == "1")
        let encoded = try JSONValue(jsonData: JSONEncoder().encode(misspelled))
        #expect(encoded["payloadVersion"] == "1" && encoded["playloadVersion"] == nil)
    }

    @Test("every outbound pair has a typed builder, reads are idempotent and writes are not")
    func pairs() throws {
        let built: [UtecActionRequest] = [
            .discovery(), .query([UtecDeviceReference(id: "a")]),
            try .command([(UtecDeviceReference(id: "a"), .turnOn)]), .userGet(), .userLogout(),
            .setNotification(url: URL(string: "https://h.example.test")!, secret: "s"), .configureQuery(),
        ]
        #expect(built.map(\.header.operation) == UtecOperation.outbound)
        #expect(UtecOperation.discovery.isIdempotent && UtecOperation.query.isIdempotent)
        #expect(!UtecOperation.command.isIdempotent && !UtecOperation.configureSet.isIdempotent)
        #expect(UtecOperation(namespace: "uhome.device", name: "discovery") == .discovery)
    }
}
