import AuthCore
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Setting values (spec §3.5, scenarios 6 and 7)")
struct SetFeatureTests {
    let slope = "heating.circuits.0.heating.curve.slope"
    let shift = "heating.circuits.0.heating.curve.shift"
    let setCurve = "\(featuresURL)/heating.circuits.0.heating.curve/commands/setCurve"

    @Test("slope 1.4 posts exactly {shift 2, slope 1.4} to setCurve; the new device has 1.4, the old keeps 1.3")
    func dependencyPayload() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("command_success.json"))
        let client = try apiClient(transport)
        let device = try device0()
        let result = try await client.setFeature(slope, to: 1.4, on: device)
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == setCurve)
        #expect(request.bodyText == #"{"shift":2,"slope":1.4}"#)
        #expect(request.headers[.contentType] == "application/json")
        #expect(request.headers[.authorization] == "Bearer mock_access_token")
        #expect(result.response == ViessmannCommandResponse(success: true, reason: "COMMAND_EXECUTION_SUCCESS"))
        #expect(result.device.feature(named: slope)?.value == 1.4)
        #expect(result.device.feature(named: slope)?.unit == ViessmannUnit.none)
        #expect(result.device.feature(named: slope)?.control == device.feature(named: slope)?.control)
        #expect(device.feature(named: slope)?.value == 1.3)
        #expect(result.device.feature(named: shift)?.value == 2)
    }

    @Test("chained: shift 5 after slope 1.4 sends {shift 5, slope 1.4}")
    func chained() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("command_success.json"))
        transport.enqueue(vi("command_success.json"))
        let client = try apiClient(transport)
        let first = try await client.setFeature(slope, to: 1.4, on: try device0())
        let second = try await client.setFeature(shift, to: 5, on: first.device)
        #expect(transport.requests.last?.bodyText == #"{"shift":5,"slope":1.4}"#)
        #expect(second.device.feature(named: shift)?.value == 5)
        #expect(second.device.feature(named: slope)?.value == 1.4)
    }

    @Test("success:false returns the input device unchanged with the reason; \"True\" reads as success")
    func failure() async throws {
        let transport = MockTransport()
        transport.enqueue(vi("command_failure.json"))
        transport.enqueue(vi("command_success_string.json"))
        let client = try apiClient(transport)
        let device = try device0()
        let failed = try await client.setFeature(slope, to: 1.4, on: device)
        #expect(failed.response.success == false)
        #expect(failed.response.reason == "DEVICE_OFFLINE")
        #expect(failed.response.message == "Device is not reachable")
        #expect(failed.device == device)
        let succeeded = try await client.setFeature(slope, to: 1.4, on: device)
        #expect(succeeded.response.success)
    }

    @Test("bodiless 202/204 are a success; an empty 200/201 body counts as {} and {} or a missing flag are not")
    func emptyAnswers() async throws {
        let transport = MockTransport()
        transport.enqueue(.status(204))
        transport.enqueue(.status(202))
        transport.enqueue(.status(200))
        transport.enqueue(.json(200, "  \n"))
        transport.enqueue(.status(201))
        transport.enqueue(.json(200, "{}"))
        transport.enqueue(.json(200, #"{"data":{"success":"FALSE"}}"#))
        let client = try apiClient(transport)
        let device = try device0()
        #expect(try await client.setFeature(slope, to: 1.4, on: device).response.success)
        #expect(try await client.setFeature(slope, to: 1.4, on: device).response.success)
        for _ in 0..<5 {
            #expect(try await client.setFeature(slope, to: 1.4, on: device).response.success == false)
        }
    }

    @Test("a command answer of the wrong shape is ViessmannError invalidResponse; HTML is APIError")
    func badAnswers() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, #"{"data":"ok"}"#))
        transport.enqueue(.json(200, "[true]"))
        transport.enqueue(vi("malformed-bad_gateway.html"))
        let client = try apiClient(transport)
        let device = try device0()
        for _ in 0..<2 {
            let error = await caught { _ = try await client.setFeature(slope, to: 1.4, on: device) }
            #expect((error as? ViessmannError)?.code == .invalidResponse)
        }
        let html = await caught { _ = try await client.setFeature(slope, to: 1.4, on: device) }
        #expect((html as? APIError)?.kind == .invalidResponse)
    }

    @Test("other writable features: mode enum, boolean, string name, holiday with both dates, programs alias")
    func otherWrites() async throws {
        let transport = MockTransport { _ in vi("command_success.json") }
        let client = try apiClient(transport)
        let device = try device0()
        _ = try await client.setFeature("heating.circuits.0.operating.modes.active", to: "standby", on: device)
        _ = try await client.setFeature("heating.dhw.oneTimeCharge.active", to: true, on: device)
        _ = try await client.setFeature("heating.circuits.0.name.name", to: "Upstairs", on: device)
        _ = try await client.setFeature("heating.operating.programs.holiday.end", to: "2025-12-24", on: device)
        _ = try await client.setFeature("heating.circuits.0.operating.programs.normal.temperature", to: 22, on: device)
        _ = try await client.setFeature("heating.dhw.temperature.main", to: 55, on: device)
        #expect(
            transport.requests.map(\.bodyText) == [
                #"{"mode":"standby"}"#, #"{"active":true}"#, #"{"name":"Upstairs"}"#,
                #"{"end":"2025-12-24","start":"2000-01-01"}"#, #"{"targetTemperature":22}"#, #"{"temperature":55}"#,
            ])
        #expect(transport.requests[3].url.path.hasSuffix("/heating.operating.programs.holiday/commands/schedule"))
    }

    @Test("a schedule is validated and sent as the whole object")
    func schedule() async throws {
        let transport = MockTransport { _ in vi("command_success.json") }
        let client = try apiClient(transport)
        let device = try device0()
        let week: JSONValue = [
            "mon": [["start": "06:00", "end": "22:00", "mode": "normal", "position": 0]], "tue": [],
        ]
        let result = try await client.setFeature("heating.circuits.0.heating.schedule", to: week, on: device)
        #expect(transport.requests.first?.jsonBody == ["newSchedule": week])
        #expect(result.device.feature(named: "heating.circuits.0.heating.schedule")?.value == week)
        for bad: JSONValue in [
            ["funday": []], ["mon": [["start": "22:00", "end": "06:00"]]], ["mon": [["start": "6", "end": "07:00"]]],
            ["mon": [["start": "06:00", "end": "07:00", "mode": "party"]]], ["mon": "all day"],
            ["mon": .array(Array(repeating: ["start": "06:00", "end": "07:00"], count: 5))],
            ["mon": [["start": "06:05", "end": "07:00"]]],
            ["mon": [["start": "06:00", "end": "08:00"], ["start": "07:00", "end": "09:00"]]],
        ] {
            let error = await caught {
                _ = try await client.setFeature("heating.circuits.0.heating.schedule", to: bad, on: device)
            }
            #expect((error as? ViessmannError)?.rule == .schedule, "\(bad)")
        }
        #expect(transport.requests.count == 1)
    }

    @Test("siblings must exist, be enabled and ready and not null; required:false siblings are left out")
    func siblings() async throws {
        let transport = MockTransport { _ in vi("command_success.json") }
        let client = try apiClient(transport)
        var device = try device0()
        device.features.removeAll { $0.name == shift }
        let missing = await caught { _ = try await client.setFeature(slope, to: 1.4, on: device) }
        #expect((missing as? ViessmannError)?.code == .missingSiblingValue)
        #expect((missing as? ViessmannError)?.parameter == "shift")
        var disabled = try device0()
        let index = try #require(disabled.features.firstIndex { $0.name == shift })
        disabled.features[index].isReady = false
        #expect(await caught { _ = try await client.setFeature(slope, to: 1.4, on: disabled) } is ViessmannError)
        var nullValue = try device0()
        nullValue.features[index].value = .null
        #expect(await caught { _ = try await client.setFeature(slope, to: 1.4, on: nullValue) } is ViessmannError)
        var zero = try device0()
        zero.features[index].value = 0
        _ = try await client.setFeature(slope, to: 1.4, on: zero)
        #expect(transport.requests.last?.bodyText == #"{"shift":0,"slope":1.4}"#)
        var optional = try device0()
        let slopeIndex = try #require(optional.features.firstIndex { $0.name == slope })
        optional.features[slopeIndex].control?.parameters[0].isRequired = false
        optional.features.removeAll { $0.name == shift }
        _ = try await client.setFeature(slope, to: 1.4, on: optional)
        #expect(transport.requests.last?.bodyText == #"{"slope":1.4}"#)
    }

    @Test("executeCommand sends the explicit payload, validates it and does not need a device")
    func executeCommand() async throws {
        let transport = MockTransport { _ in vi("command_success.json") }
        let client = try apiClient(transport)
        let feature = try #require(try device0().feature(named: slope))
        let response = try await client.executeCommand(of: feature, parameters: ["slope": 1.5, "shift": -3])
        #expect(response.success)
        #expect(transport.requests.last?.bodyText == #"{"shift":-3,"slope":1.5}"#)
        let missing = await caught { _ = try await client.executeCommand(of: feature, parameters: ["slope": 1.5]) }
        #expect((missing as? ViessmannError)?.rule == .required)
        #expect((missing as? ViessmannError)?.parameter == "shift")
        let unknown = await caught {
            _ = try await client.executeCommand(of: feature, parameters: ["slope": 1.5, "shift": 1, "tilt": 2])
        }
        #expect((unknown as? ViessmannError)?.parameter == "tilt")
        let tooHigh = await caught {
            _ = try await client.executeCommand(of: feature, parameters: ["slope": 3.6, "shift": 1])
        }
        #expect((tooHigh as? ViessmannError)?.rule == .maximum)
        let readOnly = try #require(try device0().feature(named: "heating.sensors.temperature.outside"))
        #expect(await caught { _ = try await client.executeCommand(of: readOnly, parameters: [:]) } is ViessmannError)
        #expect(transport.requests.count == 1)
    }

    @Test("command URIs off the API host, or empty, are refused before sending (they would carry the token)")
    func offHost() async throws {
        let transport = MockTransport { _ in vi("command_success.json") }
        let client = try apiClient(transport)
        for uri in [
            "https://evil.example/steal", "http://api.viessmann-climatesolutions.com/x", "", "not a url",
            "https://api.viessmann-climatesolutions.com:8443/x",
        ] {
            var device = try device0()
            let index = try #require(device.features.firstIndex { $0.name == slope })
            device.features[index].control?.uri = uri
            let error = await caught { _ = try await client.setFeature(slope, to: 1.4, on: device) }
            #expect((error as? ViessmannError)?.code == .untrustedCommandURI, "\(uri)")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("setting re-reads the feature by name from the device (stale metadata is not used)")
    func reResolves() async throws {
        let transport = MockTransport { _ in vi("command_success.json") }
        let client = try apiClient(transport)
        var device = try device0()
        let index = try #require(device.features.firstIndex { $0.name == slope })
        device.features[index].control?.constraints.max = 1.0
        let error = await caught { _ = try await client.setFeature(slope, to: 1.4, on: device) }
        #expect((error as? ViessmannError)?.rule == .maximum)
        let unknown = await caught { _ = try await client.setFeature("heating.nope", to: 1, on: device) }
        #expect((unknown as? ViessmannError)?.code == .featureNotFound)
    }
}
