import AuthCore
import Foundation
import TestSupport
import Testing

@testable import ViessmannKit

@Suite("Client-side validation (spec §3.6, scenarios 8 and 9): no request is sent")
struct ValidationTests {
    static let base = "heating.circuits.0"

    func refused(_ name: String, _ value: JSONValue) async throws -> ViessmannError {
        let transport = MockTransport()
        let client = try apiClient(transport)
        let error = await caught { _ = try await client.setFeature(name, to: value, on: try device0()) }
        #expect(transport.requests.isEmpty)
        return try #require(error as? ViessmannError, "\(name) = \(value): \(String(describing: error))")
    }

    func accepted(_ name: String, _ value: JSONValue) async throws {
        let transport = MockTransport { _ in vi("command_success.json") }
        let client = try apiClient(transport)
        _ = try await client.setFeature(name, to: value, on: try device0())
        #expect(transport.requests.count == 1)
    }

    @Test(
        "numbers: max, step, min are refused with the parameter and rule named",
        arguments: [
            ("heating.circuits.0.heating.curve.slope", 5.0, "slope", ViessmannValidationRule.maximum),
            ("heating.circuits.0.heating.curve.slope", 1.45, "slope", .step),
            ("heating.circuits.0.heating.curve.slope", 1.25, "slope", .step),
            ("heating.circuits.0.heating.curve.slope", 0.1, "slope", .minimum),
            ("heating.circuits.0.heating.curve.shift", -14, "shift", .minimum),
            ("heating.circuits.0.heating.curve.shift", 2.5, "shift", .step),
            ("heating.dhw.temperature.main", 61, "temperature", .maximum),
        ])
    func numbers(name: String, value: Double, parameter: String, rule: ViessmannValidationRule) async throws {
        let error = try await refused(name, .number(JSONNumber(value)!))
        #expect(error.code == .validationFailed)
        #expect(error.parameter == parameter)
        #expect(error.rule == rule)
        #expect(error.message.hasPrefix("\(parameter): "))
    }

    @Test("numbers on the grid pass: slope 0.3 (floating-point slack), shift -13, slope 3.5, shift 40")
    func numbersPass() async throws {
        try await accepted("\(Self.base).heating.curve.slope", 0.3)
        try await accepted("\(Self.base).heating.curve.shift", -13)
        try await accepted("\(Self.base).heating.curve.slope", 3.5)
        try await accepted("\(Self.base).heating.curve.shift", 40)
        try await accepted("\(Self.base).heating.curve.slope", 0.2)
    }

    @Test("the step grid uses a floored modulo from min: min 10 step 0.5 refuses 10.7, takes 10.5")
    func flooredModulo() throws {
        let parameter = ViessmannCommandParameter(
            name: "t", type: .number, constraints: ViessmannParameterConstraints(min: 10, step: 0.5))
        #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate(10.7, for: parameter) }
        try ViessmannCommandValidator.validate(10.5, for: parameter)
        let negative = ViessmannCommandParameter(
            name: "n", type: .number, constraints: ViessmannParameterConstraints(step: 0.1))
        try ViessmannCommandValidator.validate(-0.3, for: negative)
        #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate(-0.35, for: negative) }
        #expect(ViessmannCommandValidator.flooredModulo(-1, 3) == 2)
        #expect(ViessmannCommandValidator.flooredModulo(1, -3) == -2)
        #expect(ViessmannCommandValidator.flooredModulo(-1, 3) != (-1.0).truncatingRemainder(dividingBy: 3))
    }

    @Test("enum, length and pattern are refused with their rule")
    func strings() async throws {
        let mode = try await refused("\(Self.base).operating.modes.active", "heating")
        #expect(mode.rule == .enumeration)
        #expect(mode.parameter == "mode")
        #expect(try await refused("\(Self.base).name.name", "").rule == .minimumLength)
        #expect(
            try await refused("\(Self.base).name.name", .string(String(repeating: "x", count: 21))).rule
                == .maximumLength)
        let date = try await refused("heating.operating.programs.holiday.end", "2025-13-1")
        #expect(date.rule == .pattern)
        #expect(date.parameter == "end")
        try await accepted("\(Self.base).name.name", .string(String(repeating: "x", count: 20)))
    }

    @Test("wrong types: the string \"1.4\" or true for slope, \"true\" for a boolean, a number for a string")
    func types() async throws {
        #expect(try await refused("\(Self.base).heating.curve.slope", "1.4").rule == .type)
        #expect(try await refused("\(Self.base).heating.curve.slope", true).rule == .type)
        #expect(try await refused("heating.dhw.oneTimeCharge.active", "true").rule == .type)
        #expect(try await refused("heating.dhw.oneTimeCharge.active", 1).rule == .type)
        #expect(try await refused("\(Self.base).name.name", 5).rule == .type)
        #expect(try await refused("\(Self.base).heating.curve.slope", .null).rule == .type)
        #expect(try await refused("\(Self.base).heating.schedule", "06:00-22:00").rule == .type)
    }

    @Test("read-only features are refused with readOnlyFeature")
    func readOnly() async throws {
        let error = try await refused("heating.sensors.temperature.outside", 8)
        #expect(error.code == .readOnlyFeature)
        #expect(try await refused("heating.operating.programs.holiday.active", true).code == .readOnlyFeature)
    }

    @Test(
        "commands with missing constraints accept any value of the right type; unknown types pass unconstrained values")
    func missingConstraints() throws {
        let bare = ViessmannCommandParameter(name: "x", type: .number)
        try ViessmannCommandValidator.validate(1e6, for: bare)
        try ViessmannCommandValidator.validate(-3.3333, for: bare)
        let unknown = ViessmannCommandParameter(name: "q", type: .unknown("quaternion"))
        try ViessmannCommandValidator.validate([1, 0, 0, 0], for: unknown)
        try ViessmannCommandValidator.validate("anything", for: unknown)
        let enumOnly = ViessmannCommandParameter(
            name: "e", type: .unknown(""), constraints: ViessmannParameterConstraints(options: [1, "a"]))
        try ViessmannCommandValidator.validate(1, for: enumOnly)
        #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate(true, for: enumOnly) }
        let badPattern = ViessmannCommandParameter(
            name: "p", type: .string, constraints: ViessmannParameterConstraints(pattern: "([unclosed"))
        try ViessmannCommandValidator.validate("x", for: badPattern)
    }

    @Test("a missing or unknown type is checked by the value's own type: numbers by min/max/step, strings too")
    func untypedCheckedByValue() throws {
        for type in [ViessmannParameterType.unknown(""), .unknown("quaternion")] {
            let number = ViessmannCommandParameter(
                name: "n", type: type, constraints: ViessmannParameterConstraints(min: 0, max: 10, step: 0.5))
            try ViessmannCommandValidator.validate(2.5, for: number)
            #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate(11, for: number) }
            #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate(-1, for: number) }
            #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate(0.7, for: number) }
            let text = ViessmannCommandParameter(
                name: "s", type: type,
                constraints: ViessmannParameterConstraints(options: ["ab", "abcd", "x"], minLength: 2, maxLength: 3))
            try ViessmannCommandValidator.validate("ab", for: text)
            #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate("abcd", for: text) }
            #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate("x", for: text) }
            #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate("zz", for: text) }
            let pattern = ViessmannCommandParameter(
                name: "p", type: type, constraints: ViessmannParameterConstraints(pattern: "^[0-9]+$"))
            try ViessmannCommandValidator.validate("42", for: pattern)
            let error = #expect(throws: ViessmannError.self) {
                try ViessmannCommandValidator.validate("4x", for: pattern)
            }
            #expect(error?.rule == .pattern)
        }
    }

    @Test("patterns match from the start only; lengths count Unicode scalars")
    func prefixMatch() throws {
        let prefix = ViessmannCommandParameter(
            name: "p", type: .string, constraints: ViessmannParameterConstraints(pattern: "[0-9]{2}"))
        try ViessmannCommandValidator.validate("12abc", for: prefix)
        #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate("a12", for: prefix) }
        let short = ViessmannCommandParameter(
            name: "s", type: .string, constraints: ViessmannParameterConstraints(maxLength: 2))
        let hostile = ViessmannCommandParameter(
            name: "h", type: .string, constraints: ViessmannParameterConstraints(pattern: "^(a+)+$"))
        #expect(throws: ViessmannError.self) {
            try ViessmannCommandValidator.validate(.string(String(repeating: "a", count: 300) + "!"), for: hostile)
        }
        try ViessmannCommandValidator.validate("äö", for: short)
        #expect(throws: ViessmannError.self) { try ViessmannCommandValidator.validate("e\u{301}a", for: short) }
    }
}
