import AuthCore
import Foundation
import TestSupport
import Testing

@testable import UtecKit

/// Empty 2xx bodies and the public header decoder, as documented.
@Suite("Empty 2xx answers to writes; a numeric payloadVersion in the Codable header")
struct EmptyBodyAndHeaderTests {
    @Test("an empty 200/202 answer to a command is an acknowledgement without delay", arguments: [200, 202, 204])
    func emptyWrite(status: Int) async throws {
        let transport = MockTransport()
        transport.enqueue(.status(status), path: "/action")
        let client = try UT.client(transport: transport)
        let acknowledgement = try await client.send(.unlock, to: try UT.device(UT.lockID))
        #expect(acknowledgement == UtecCommandAcknowledgement(deviceID: UT.lockID, deferredSeconds: nil))
    }

    @Test("an empty 200 answer to logout (a write) succeeds")
    func emptyLogout() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(200, body: Data("  \n".utf8)), path: "/action")
        try await UT.client(transport: transport).logout()
        #expect(UT.actions(transport).count == 1)
    }

    @Test("an empty 200 answer to a read is a typed error, not an empty list")
    func emptyRead() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(200), path: "/action")
        let client = try UT.client(transport: transport) { $0.retryPolicy = .none }
        do {
            _ = try await client.discoverDevices()
            Issue.record("an empty 200 read as a discovery")
        } catch {
            #expect(error is APIError || error is UtecError)
        }
    }

    @Test("the Codable header reads a numeric payloadVersion (either spelling) like the kit's reader")
    func numericPayloadVersion() throws {
        for body in [
            #"{"namespace":"Uhome.Device","name":"Query","messageId":"m","payloadVersion":1}"#,
            #"{"namespace":"Uhome.Device","name":"Query","messageId":"m","playloadVersion":1}"#,
            #"{"namespace":"Uhome.Device","name":"Query","messageId":"m","payloadVersion":"1"}"#,
        ] {
            let decoded = try JSONDecoder().decode(UtecActionHeader.self, from: Data(body.utf8))
            #expect(decoded.payloadVersion == "1", "\(body)")
            #expect(decoded == UtecActionHeader(json: try JSONValue(jsonData: Data(body.utf8))), "\(body)")
        }
        let response = try JSONDecoder().decode(
            UtecActionResponse.self, from: Data(#"{"header":{"name":"Query","payloadVersion":2},"payload":{}}"#.utf8))
        #expect(response.header?.payloadVersion == "2")
    }
}
