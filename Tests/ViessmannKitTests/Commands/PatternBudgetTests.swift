import AuthCore
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Server-supplied patterns cannot hang the caller (ReDoS)")
struct PatternBudgetTests {
    static let catastrophic = "^(a+)+$"
    static let attack = String(repeating: "a", count: 35) + "!"
    let slope = "heating.circuits.0.heating.curve.slope"
    let shift = "heating.circuits.0.heating.curve.shift"

    @Test("the caller's own value against a catastrophic pattern is refused with the pattern rule, not hung")
    func ownValueCatastrophicPattern() throws {
        let hostile = ViessmannCommandParameter(
            name: "h", type: .string, constraints: ViessmannParameterConstraints(pattern: Self.catastrophic))
        let error = #expect(throws: ViessmannError.self) {
            try ViessmannCommandValidator.validate(.string(Self.attack), for: hostile)
        }
        #expect(error?.rule == .pattern)
        #expect(error?.parameter == "h")
        #expect(error?.message.contains("too costly to check") == true, "stopped by the budget, not run to the end")
        try ViessmannCommandValidator.validate(.string(String(repeating: "a", count: 35)), for: hostile)
    }

    @Test("a bounded match stops a catastrophic pattern and still answers ordinary ones")
    func boundedMatch() throws {
        let hostile = try NSRegularExpression(pattern: Self.catastrophic)
        #expect(ViessmannCommandValidator.boundedMatch(hostile, Self.attack) == .budgetExceeded)
        let date = try NSRegularExpression(pattern: "^[\\d]{4}-[\\d]{2}-[\\d]{2}$")
        #expect(ViessmannCommandValidator.boundedMatch(date, "2026-11-22") == .matched)
        #expect(ViessmannCommandValidator.boundedMatch(date, "2026-11-2x") == .notMatched)
    }

    @Test("an over-long server pattern is refused instead of compiled")
    func longPattern() {
        let parameter = ViessmannCommandParameter(
            name: "p", type: .string,
            constraints: ViessmannParameterConstraints(pattern: String(repeating: "a?", count: 1000)))
        let error = #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate("a", for: parameter) }
        #expect(error?.rule == .pattern)
    }

    @Test("a sibling value from the server is not matched against the server's catastrophic pattern")
    func siblingNotMatched() async throws {
        let transport = MockTransport { _ in vi("command_success.json") }
        let client = try apiClient(transport)
        var device = try device0()
        let slopeIndex = try #require(device.features.firstIndex { $0.name == slope })
        let shiftIndex = try #require(device.features.firstIndex { $0.name == shift })
        let parameterIndex = try #require(
            device.features[slopeIndex].control?.parameters.firstIndex { $0.name == "shift" })
        device.features[slopeIndex].control?.parameters[parameterIndex] = ViessmannCommandParameter(
            name: "shift", type: .string, constraints: ViessmannParameterConstraints(pattern: Self.catastrophic))
        device.features[shiftIndex].value = .string(Self.attack)
        _ = try await client.setFeature(slope, to: 1.4, on: device)
        let body = try #require(transport.requests.last?.bodyText)
        #expect(body.contains(Self.attack))
    }
}
