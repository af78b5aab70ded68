import AuthCore
import Foundation
import TestSupport
import Testing
import VendorFixtures

@testable import UtecKit

@Suite("Commands: acknowledgements, confirmation, lock/switch/light rules")
struct CommandTests {
    /// An acknowledgement (5 s) for the device the command names.
    static func ack(_ request: RecordedRequest) -> MockResponse {
        let id = request.jsonBody?["payload"]?["devices"]?[0]?["id"]?.stringValue ?? ""
        return .json(
            200,
            #"{"payload":{"devices":[{"id":"\#(id)","states":[{"capability":"st.deferredResponse","name":"seconds","value":5}]}]}}"#
        )
    }

    @Test("F6: the lock's deferred seconds are 20; a non-numeric value is nil; an ack never changes state")
    func acknowledgement() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("command-ack.json"), path: "/action")
        transport.enqueue(UT.fixture("command-ack-non-numeric.json"), path: "/action")
        let client = try UT.client(transport: transport)
        let lock = try UT.device(UT.lockID)
        let ack = try await client.send(.unlock, to: lock)
        #expect(ack == UtecCommandAcknowledgement(deviceID: UT.lockID, deferredSeconds: 20))
        #expect(UtecLock(lock)?.isLocked == true)
        let light = try await client.send(.turnOn, to: UT.device(UT.lightID))
        #expect(light.deferredSeconds == nil)
    }

    @Test("unlock waits the acknowledged 20 s on the injected clock, then queries the lock for the result")
    func unlockConfirms() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("command-ack.json"), path: "/action")
        transport.enqueue(
            .json(
                200,
                #"{"payload":{"devices":[{"id":"0A:1B:2C:3D:4E:01","states":[{"capability":"st.lock","name":"lockState","value":"Unlocked"}]}]}}"#
            ), path: "/action")
        let clock = TestClock()
        let client = try UT.client(transport: transport, clock: clock)
        var lock = try UT.device(UT.lockID)
        let outcome = try await client.unlock(lock)
        #expect(clock.sleeps == [.seconds(20)])
        #expect(outcome.acknowledgement.deferredSeconds == 20)
        #expect(outcome.state.value(.lock, "lockState") == "Unlocked")
        let bodies = UT.actions(transport)
        #expect(bodies.map { $0["header"]?["name"] } == ["Command", "Query"])
        #expect(bodies[1]["payload"]?["devices"]?[0]?["customData"] == ["userId": 4711, "note": "opaque"])
        lock = lock.applying(outcome.state)
        #expect(UtecLock(lock)?.lockState == .unlocked)
        #expect(UtecLock(lock)?.battery == .high)
    }

    @Test("the confirmation wait is capped by maximumConfirmationDelay")
    func confirmationCap() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("command-ack.json"), path: "/action")
        transport.enqueue(UT.fixture("query.json"), path: "/action")
        let clock = TestClock()
        let client = try UT.client(transport: transport, clock: clock) { $0.maximumConfirmationDelay = .seconds(5) }
        _ = try await client.lock(UT.device(UT.lockID))
        #expect(clock.sleeps == [.seconds(5)])
    }

    @Test("cancelled while waiting for the result: a typed cancelled error, no query sent")
    func cancelledWait() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("command-ack.json"), path: "/action")
        let clock = TestClock(mode: .manual)
        let client = try UT.client(transport: transport, clock: clock)
        let lock = try UT.device(UT.lockID)
        let task = Task { try await client.unlock(lock) }
        while clock.pendingSleepers == 0 { await Task.yield() }
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("a cancelled unlock succeeded")
            return
        }
        #expect((error as? APIError)?.kind == .cancelled)
        #expect(transport.requests.count == 1)
    }

    @Test("lock modes send setMode with the mode number")
    func lockMode() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("command-ack.json"), path: "/action")
        transport.enqueue(UT.fixture("query.json"), path: "/action")
        _ = try await UT.client(transport: transport).setLockMode(.passage, of: UT.device(UT.lockID))
        let command = UT.actions(transport).first?["payload"]?["devices"]?[0]?["command"]
        #expect(command == ["capability": "st.lock", "name": "setMode", "arguments": ["mode": 1]])
    }

    @Test("switch on/off send st.switch on/off without arguments")
    func switchCommands() async throws {
        let transport = MockTransport { request in
            request.jsonBody?["header"]?["name"] == "Command"
                ? Self.ack(request) : UT.fixture("query.json")
        }
        let client = try UT.client(transport: transport)
        _ = try await client.turnOn(UT.device(UT.switchID))
        _ = try await client.turnOff(UT.device(UT.switchID))
        let commands = UT.actions(transport).compactMap { $0["payload"]?["devices"]?[0]?["command"] }
        #expect(commands == [["capability": "st.switch", "name": "on"], ["capability": "st.switch", "name": "off"]])
    }

    @Test("brightness 0 becomes 1 and 150 becomes 100; turnOn(brightness:) sends only setLevel")
    func brightness() async throws {
        let transport = MockTransport { request in
            request.jsonBody?["header"]?["name"] == "Command"
                ? Self.ack(request) : UT.fixture("query.json")
        }
        let client = try UT.client(transport: transport)
        let light = try UT.device(UT.lightID)
        _ = try await client.setBrightness(light, to: 0)
        _ = try await client.setBrightness(light, to: 150)
        _ = try await client.turnOn(light, brightness: 40)
        let commands = UT.actions(transport).compactMap { $0["payload"]?["devices"]?[0]?["command"] }
        #expect(commands.map { $0["arguments"]?["level"] } == [1, 100, 40])
        #expect(commands.allSatisfy { $0["name"] == "setLevel" && $0["capability"] == "st.switchLevel" })
    }

    @Test("colour temperature is checked against the device's own range before anything is sent")
    func colorTemperature() async throws {
        let transport = MockTransport { request in
            request.jsonBody?["header"]?["name"] == "Command"
                ? Self.ack(request) : UT.fixture("query.json")
        }
        let client = try UT.client(transport: transport)
        let light = try UT.device(UT.lightID)
        for kelvin in [1500, 2000, 8000] {
            let error = await UT.utecError { try await client.setColorTemperature(light, kelvin: kelvin) }
            #expect(error?.code == .invalidArgument, "\(kelvin)")
        }
        #expect(transport.requests.isEmpty)
        _ = try await client.setColorTemperature(light, kelvin: 6500)
        let error = await UT.utecError { try await client.turnOn(light, brightness: 50, colorTemperature: 9000) }
        #expect(error?.code == .invalidArgument)
        let command = UT.actions(transport).first?["payload"]?["devices"]?[0]?["command"]
        #expect(command == ["capability": "st.colorTemperature", "name": "temperature", "arguments": ["value": 6500]])
        #expect(transport.requests.count == 2)
    }

    @Test("turnOn with several attributes sends each, then one query; colour sends {value:{r,g,b}}")
    func turnOnSeveral() async throws {
        let transport = MockTransport { request in
            request.jsonBody?["header"]?["name"] == "Command"
                ? Self.ack(request) : UT.fixture("query.json")
        }
        let client = try UT.client(transport: transport)
        let outcome = try await client.turnOn(
            UT.device(UT.lightID), brightness: 70, colorTemperature: 3000,
            color: UtecRGBColor(red: 1, green: 2, blue: 3))
        #expect(outcome.state.deviceID == UT.lightID)
        let names = UT.actions(transport).map {
            $0["payload"]?["devices"]?[0]?["command"]?["name"] ?? $0["header"]?["name"]
        }
        #expect(names == ["setLevel", "temperature", "color", "Query"])
        let color = UT.actions(transport)[2]["payload"]?["devices"]?[0]?["command"]?["arguments"]
        #expect(color == ["value": ["r": 1, "g": 2, "b": 3]])
        _ = try await client.turnOn(UT.device(UT.lightID))
        #expect(UT.actions(transport)[4]["payload"]?["devices"]?[0]?["command"]?["name"] == "on")
    }

    @Test("commands for capabilities the device lacks are refused before sending")
    func unsupported() async throws {
        let transport = MockTransport()
        let client = try UT.client(transport: transport)
        #expect(
            await UT.utecError { try await client.setBrightness(UT.device(UT.lockID), to: 5) }?.code
                == .unsupportedCommand)
        #expect(await UT.utecError { try await client.unlock(UT.device(UT.switchID)) }?.code == .unsupportedCommand)
        #expect(
            await UT.utecError {
                try await client.setColor(UT.device(UT.switchID), to: UtecRGBColor(red: 0, green: 0, blue: 0))
            }?.code == .unsupportedCommand)
        #expect(await UT.utecError { try await client.query(deviceIDs: []) }?.code == .invalidArgument)
        #expect(transport.requests.isEmpty)
    }

    @Test("a per-device error in a command answer throws the device's error")
    func commandDeviceError() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("device-error.json"), path: "/action")
        let error = await UT.utecError {
            try await UT.client(transport: transport).send(.lock, to: UT.device(UT.lockID))
        }
        #expect(error?.code == .deviceError && error?.deviceID == UT.lockID)
    }

    @Test("customData is not echoed when the configuration says so")
    func noEcho() async throws {
        let transport = MockTransport()
        transport.enqueue(UT.fixture("query.json"), path: "/action")
        _ = try await UT.client(transport: transport) { $0.echoesCustomData = false }.state(of: UT.device(UT.lockID))
        #expect(UT.actions(transport).first?["payload"]?["devices"]?[0] == ["id": .string(UT.lockID)])
    }
}
