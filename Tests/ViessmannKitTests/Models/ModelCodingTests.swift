import AuthCore
import Foundation
import Testing

@testable import ViessmannKit

@Suite("Models: coding, units, types")
struct ModelCodingTests {
    @Test("a device with features encodes and decodes to itself")
    func roundTrip() throws {
        let device = try device0()
        let data = try JSONEncoder().encode(device)
        let decoded = try JSONDecoder().decode(ViessmannDevice.self, from: data)
        #expect(decoded == device)
        #expect(decoded.feature(named: "heating.circuits.0.heating.curve.slope")?.control?.max == 3.5)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"installationId\""))
        #expect(text.contains("\"modelId\""))
    }

    @Test("units and parameter types pass unknown names through")
    func passthrough() throws {
        #expect(ViessmannUnit(rawValue: "cubicMeter/hour").rawValue == "cubicMeter/hour")
        #expect(ViessmannUnit.celsius == "celsius")
        #expect(ViessmannParameterType(rawValue: "Schedule") == .schedule)
        #expect(ViessmannParameterType(rawValue: "quaternion") == .unknown("quaternion"))
        #expect(ViessmannParameterType.unknown("x").rawValue == "x")
        let encoded = try JSONEncoder().encode([ViessmannParameterType.schedule, .unknown("odd")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["Schedule","odd"]"#)
        #expect(try JSONDecoder().decode([ViessmannUnit].self, from: Data(#"["bar"]"#.utf8)) == [.bar])
    }

    @Test("devices: later features win the name index; writable features; updating features reindexes")
    func deviceIndex() throws {
        var device = ViessmannDevice(
            id: "0", gatewaySerial: "s", installationID: "i",
            features: [ViessmannFeature(name: "a", value: 1), ViessmannFeature(name: "a", value: 2)])
        #expect(device.feature(named: "a")?.value == 2)
        device.features = [ViessmannFeature(name: "b", value: 3)]
        #expect(device.feature(named: "a") == nil)
        #expect(device.feature(named: "b")?.doubleValue == 3)
        #expect(try device0().writableFeatures.count == 10)
    }

    @Test("errors: codes, flags and bounded messages")
    func errors() {
        let error = ViessmannError(.invalidArgument, String(repeating: "x", count: 2000))
        #expect(error.message.count < 600)
        #expect(!error.isTransient)
        #expect(!error.requiresReauthentication)
        #expect(ViessmannError(.authorizationFlow, "").requiresReauthentication)
        #expect(ViessmannValidationRule.step.description == "step")
        #expect(ViessmannError.Code.readOnlyFeature.description == "readOnlyFeature")
        let service = ViessmannServiceError(status: 400, message: nil)
        #expect(service.detailedMessage == "HTTP 400")
        #expect(ViessmannServiceError(status: 429, extendedPayload: ["limitReset": "soon"]).limitReset == nil)
    }
}
