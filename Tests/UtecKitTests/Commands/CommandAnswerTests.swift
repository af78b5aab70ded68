import AuthCore
import Foundation
import TestSupport
import Testing

@testable import UtecKit

/// Command answers that do not mention the device, lenient delays, and devices of unknown types.
@Suite("Command answers without the device, lenient seconds, unknown handle types")
struct CommandAnswerTests {
    static let lockState =
        #"{"payload":{"devices":[{"id":"0A:1B:2C:3D:4E:01","states":[{"capability":"st.lock","name":"lockState","value":"Unlocked"}]}]}}"#

    @Test(
        "an accepted command answer without the device's entry acknowledges without delay and re-queries",
        arguments: [#"{"payload":{}}"#, #"{"payload":{"devices":[]}}"#, #"{"header":{"name":"Command"}}"#])
    func answerWithoutDevice(answer: String) async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, answer), path: "/action")
        transport.enqueue(.json(200, Self.lockState), path: "/action")
        let clock = TestClock()
        let client = try UT.client(transport: transport, clock: clock)
        let outcome = try await client.unlock(try UT.device(UT.lockID))
        #expect(outcome.acknowledgement == UtecCommandAcknowledgement(deviceID: UT.lockID, deferredSeconds: nil))
        #expect(clock.sleeps.isEmpty)
        #expect(outcome.state.value(.lock, "lockState") == "Unlocked")
        #expect(UT.actions(transport).map { $0["header"]?["name"] } == ["Command", "Query"])
    }

    @Test("an explicit devices[].error in a command answer still throws the device's error, once")
    func explicitError() async throws {
        let transport = MockTransport()
        transport.enqueue(
            .json(200, #"{"payload":{"devices":[{"id":"0A:1B:2C:3D:4E:01","error":{"code":"DEVICE_OFFLINE"}}]}}"#),
            path: "/action")
        let client = try UT.client(transport: transport)
        let error = await UT.utecError { try await client.unlock(try UT.device(UT.lockID)) }
        #expect(error?.code == .deviceError)
        #expect(error?.vendorCode == "DEVICE_OFFLINE")
        #expect(UT.actions(transport).count == 1)
    }

    @Test(
        "deferred seconds are read leniently",
        arguments: [
            (#""20""#, 20), ("20", 20), (#"" 7 ""#, 7), (#""-3""#, nil), (#""soon""#, nil), ("null", nil),
        ] as [(String, Int?)])
    func lenientSeconds(value: String, expected: Int?) async throws {
        let transport = MockTransport()
        transport.enqueue(
            .json(
                200,
                #"{"payload":{"devices":[{"id":"0A:1B:2C:3D:4E:01","states":["#
                    + #"{"capability":"st.deferredResponse","name":"seconds","value":\#(value)}]}]}}"#),
            path: "/action")
        let client = try UT.client(transport: transport)
        let acknowledgement = try await client.send(.unlock, to: try UT.device(UT.lockID))
        #expect(acknowledgement.deferredSeconds == expected)
    }

    @Test(
        "unknown handle types get the base capabilities of their kind, so their commands are sent",
        arguments: [
            ("utec-lock-pro-x", UtecDeviceCommand.unlock), ("utec-light-strip", .setLevel(40)),
            ("utec-bulb-white", .turnOn), ("utec-switch-dual", .turnOff),
        ])
    func unknownHandleType(handleType: String, command: UtecDeviceCommand) async throws {
        let device = UtecDevice(
            id: UT.lockID, name: "new", category: .unknown("x"), handleType: UtecHandleType(rawValue: handleType))
        #expect(device.hasCapability(command.capability))
        let transport = MockTransport()
        transport.enqueue(UT.fixture("command-ack.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let acknowledgement = try await client.send(command, to: device)
        #expect(acknowledgement.deferredSeconds == 20)
        #expect(UT.actions(transport).count == 1)
    }

    @Test("an unknown handle type still refuses a capability its kind does not have; unsupported ones get none")
    func unknownHandleTypeLimits() async throws {
        let lock = UtecDevice(
            id: UT.lockID, name: "new", category: .unknown("x"), handleType: UtecHandleType(rawValue: "utec-lock-pro-x")
        )
        let client = try UT.client(transport: MockTransport())
        #expect(await UT.utecError { try await client.send(.setLevel(10), to: lock) }?.code == .unsupportedCommand)
        #expect(UtecHandleType(rawValue: "utec-thermostat").capabilities.isEmpty)
        #expect(UtecHandleType(rawValue: "utec-lock-pro-x").capabilities.contains(.lock))
    }
}
