import AuthCore
import Foundation
import Testing

@testable import ViessmannKit

@Suite("Command matching (spec §3.3, scenario 4)")
struct CommandMatchingTests {
    /// The hysteresis feature with its commands written in the given order.
    static func hysteresis(commandOrder: [String]) throws -> [ViessmannFeature] {
        let commands = commandOrder.map { name in
            """
            "\(name)":{"isExecutable":true,"name":"\(name)","uri":"https://api.viessmann-climatesolutions.com/c/\(name)",
            "params":{"hysteresis":{"type":"number","required":true,"constraints":{"min":1,"max":10,"stepping":0.5}}}}
            """
        }
        let json = """
            {"data":[{"feature":"heating.dhw.temperature.hysteresis","isEnabled":true,"isReady":true,
            "properties":{"value":{"type":"number","unit":"kelvin","value":5},
            "switchOnValue":{"type":"number","unit":"kelvin","value":4},
            "switchOffValue":{"type":"number","unit":"kelvin","value":6}},
            "commands":{\(commands.joined(separator: ","))}}]}
            """
        return try ViessmannFeatureFlattener.features(from: Data(json.utf8))
    }

    static let sorted = ["setHysteresis", "setHysteresisSwitchOffValue", "setHysteresisSwitchOnValue"]

    @Test("value → setHysteresis, switchOnValue → …SwitchOnValue, switchOffValue → …SwitchOffValue")
    func hysteresis() throws {
        let features = try Self.hysteresis(commandOrder: Self.sorted)
        let commands = Dictionary(uniqueKeysWithValues: features.map { ($0.name, $0.control?.commandName) })
        #expect(commands["heating.dhw.temperature.hysteresis"] == "setHysteresis")
        #expect(commands["heating.dhw.temperature.hysteresis.switchOnValue"] == "setHysteresisSwitchOnValue")
        #expect(commands["heating.dhw.temperature.hysteresis.switchOffValue"] == "setHysteresisSwitchOffValue")
        #expect(
            features.map(\.name) == [
                "heating.dhw.temperature.hysteresis.switchOffValue", "heating.dhw.temperature.hysteresis.switchOnValue",
                "heating.dhw.temperature.hysteresis",
            ])
    }

    @Test("the command keys in reverse (or any) order give the same controls: keys are taken in code-point order")
    func reverseOrder() throws {
        let forward = try Self.hysteresis(commandOrder: Self.sorted)
        #expect(try Self.hysteresis(commandOrder: Self.sorted.reversed()) == forward)
        #expect(try Self.hysteresis(commandOrder: [Self.sorted[1], Self.sorted[2], Self.sorted[0]]) == forward)
    }

    @Test("code-point order: an upper-case key sorts before lower-case ones")
    func codePoints() {
        #expect(ViessmannFeatureFlattener.sortedKeys(["b": 1, "B": 2, "a": 3, "ä": 4]) == ["B", "a", "b", "ä"])
    }

    @Test("the rich payload's hysteresis controls match the same way")
    func fixtureHysteresis() throws {
        let features = try flatFeatures("features_heating_system.json")
        let value = features.first { $0.name == "heating.dhw.temperature.hysteresis" }
        #expect(value?.control?.commandName == "setHysteresis")
        #expect(value?.control?.step == 0.5)
    }

    @Test("constraints come from the parameter, then its constraints, then the property")
    func constraintSources() throws {
        let features = ViessmannFeatureFlattener.flatten([
            "feature": "heating.z",
            "properties": [
                "value": ["type": "number", "value": 5, "min": 0, "constraints": ["max": 50, "step": 5]]
            ],
            "commands": [
                "setZ": [
                    "name": "setZ", "uri": "https://api.viessmann-climatesolutions.com/z",
                    "params": ["level": ["type": "number", "min": 2, "constraints": ["min": 1, "stepping": 0.5]]],
                ]
            ],
        ])
        let control = try #require(features.first?.control)
        #expect(control.min == 2)
        #expect(control.step == 0.5)
        #expect(control.max == 50)
        #expect(control.parameters.first?.constraints.max == nil)
    }

    @Test("commands without params, constraints, uri or executable flag; unknown types are kept")
    func sparseCommands() throws {
        let features = try flatFeatures("malformed-unknown_property_types.json")
        let odd = try #require(features.first { $0.name == "heating.custom.thing.odd" })
        #expect(odd.control?.parameterType == .unknown("quaternion"))
        #expect(odd.control?.constraints == ViessmannParameterConstraints())
        #expect(odd.value == [1, 0, 0, 0])
        #expect(features.first { $0.name == "heating.custom.thing.plain" }?.value == 5)
        #expect(features.first { $0.name == "heating.custom.thing.nothing" }?.value == .null)
        let bare = ViessmannFeatureFlattener.flatten([
            "feature": "heating.w", "properties": ["value": ["type": "string", "value": "x"]],
            "commands": ["setW": ["params": ["w": ["type": "string"]]]],
        ])
        #expect(bare.first?.control?.uri == "")
        #expect(bare.first?.control?.commandName == "setW")
        #expect(bare.first?.control?.parameters.first?.isRequired == true)
    }
}
