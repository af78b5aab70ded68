import AuthCore
import Foundation
import Testing

@testable import ViessmannKit

@Suite("Flattening (spec §3.2, scenarios 2, 3 and 5)")
struct FlatteningTests {
    let base = "heating.circuits.0"

    @Test("the spec's device: 11 API features give exactly the 17 flat values, in order")
    func seventeen() throws {
        let features = try flatFeatures("features_device0.json")
        #expect(
            features.map(\.name) == [
                "heating.sensors.temperature.outside.status", "heating.sensors.temperature.outside",
                "heating.circuits.0.heating.curve.shift", "heating.circuits.0.heating.curve.slope",
                "heating.circuits.0.operating.modes.active", "heating.dhw.temperature.main",
                "heating.circuits.0.operating.programs.normal.active",
                "heating.circuits.0.operating.programs.normal.demand",
                "heating.circuits.0.operating.programs.normal.temperature", "heating.dhw.oneTimeCharge.active",
                "heating.circuits.0.name.name", "heating.operating.programs.holiday.active",
                "heating.operating.programs.holiday.end", "heating.operating.programs.holiday.start",
                "heating.power.consumption.total", "heating.power.consumption.total.currentYear",
                "heating.circuits.0.heating.schedule",
            ])
        #expect(!features.contains { $0.name.hasPrefix("heating.circuits.1") })
    }

    @Test("values and units: outside 7.3 celsius with its status; curve shift 2 and slope 1.3 with unit \"\"")
    func valuesAndUnits() throws {
        let device = try device0()
        let outside = try #require(device.feature(named: "heating.sensors.temperature.outside"))
        #expect(outside.value == 7.3)
        #expect(outside.unit == .celsius)
        #expect(outside.apiFeatureName == "heating.sensors.temperature.outside")
        #expect(device.feature(named: "heating.sensors.temperature.outside.status")?.value == "connected")
        let shift = try #require(device.feature(named: "\(base).heating.curve.shift"))
        let slope = try #require(device.feature(named: "\(base).heating.curve.slope"))
        #expect(shift.value == 2)
        #expect(slope.value == 1.3)
        #expect(shift.unit == ViessmannUnit.none)
        #expect(slope.unit?.rawValue == "")
        #expect(slope.apiFeatureName == "\(base).heating.curve")
        #expect(device.feature(named: "\(base).name.name")?.value == "Ground floor")
    }

    @Test("controls: slope → setCurve/slope with [shift, slope] and 0.2…3.5 step 0.1")
    func curveControl() throws {
        let control = try #require(try device0().feature(named: "\(base).heating.curve.slope")?.control)
        #expect(control.commandName == "setCurve")
        #expect(control.paramName == "slope")
        #expect(control.requiredParams == ["shift", "slope"])
        #expect(control.min == 0.2)
        #expect(control.max == 3.5)
        #expect(control.step == 0.1)
        #expect(control.parentFeatureName == "\(base).heating.curve")
        #expect(control.uri == "\(featuresURL)/\(base).heating.curve/commands/setCurve")
        #expect(control.parameterType == .number)
    }

    @Test("controls: value → one-parameter command, temperature alias, non-executable commands skipped")
    func otherControls() throws {
        let device = try device0()
        let dhw = try #require(device.feature(named: "heating.dhw.temperature.main")?.control)
        #expect(dhw.commandName == "setTargetTemperature")
        #expect(dhw.paramName == "temperature")
        #expect(dhw.min == 10 && dhw.max == 60 && dhw.step == 1)
        let program = try #require(device.feature(named: "\(base).operating.programs.normal.temperature")?.control)
        #expect(program.commandName == "setTemperature")
        #expect(program.paramName == "targetTemperature")
        #expect(device.feature(named: "\(base).operating.programs.normal.active")?.control == nil)
        #expect(device.feature(named: "\(base).operating.programs.normal.active")?.isWritable == false)
        let charge = try #require(device.feature(named: "heating.dhw.oneTimeCharge.active")?.control)
        #expect(charge.commandName == "setActive")
        #expect(charge.parameterType == .boolean)
        let mode = try #require(device.feature(named: "\(base).operating.modes.active")?.control)
        #expect(mode.commandName == "setMode")
        #expect(mode.options == ["dhw", "dhwAndHeating", "standby"])
        let name = try #require(device.feature(named: "\(base).name.name")?.control)
        #expect(name.minLength == 1 && name.maxLength == 20)
    }

    @Test("holiday end/start → schedule with the date pattern and [end, start]; changeEndDate is ignored")
    func holiday() throws {
        let device = try device0()
        for key in ["end", "start"] {
            let control = try #require(device.feature(named: "heating.operating.programs.holiday.\(key)")?.control)
            #expect(control.commandName == "schedule")
            #expect(control.paramName == key)
            #expect(control.requiredParams == ["end", "start"])
            #expect(control.pattern == "^[\\d]{4}-[\\d]{2}-[\\d]{2}$")
        }
        #expect(device.feature(named: "heating.operating.programs.holiday.active")?.control == nil)
    }

    @Test("complex features: consumption stays one object plus currentYear; the schedule's control is setSchedule")
    func complex() throws {
        let device = try device0()
        let total = try #require(device.feature(named: "heating.power.consumption.total"))
        #expect(total.value["year"]?["value"] == [2875.4, 4920.1])
        #expect(total.value["dayValueReadAt"]?["value"] == "2025-11-02T06:10:00.000Z")
        #expect(total.unit == nil)
        #expect(total.control == nil)
        let year = try #require(device.feature(named: "heating.power.consumption.total.currentYear"))
        #expect(year.value == 2875.4)
        #expect(year.unit == .kilowattHour)
        let schedule = try #require(device.feature(named: "\(base).heating.schedule"))
        #expect(schedule.control?.commandName == "setSchedule")
        #expect(schedule.control?.paramName == "newSchedule")
        #expect(schedule.control?.constraints.schedule?.maxEntries == 4)
        #expect(schedule.control?.constraints.schedule?.modes == ["normal", "comfort"])
        #expect(schedule.value["entries"]?["value"]?["mon"]?[0]?["start"] == "06:00")
    }

    @Test("a day-only history gives no alias; a non-consumption history gives none either")
    func noAlias() throws {
        let dayOnly = ViessmannFeatureFlattener.flatten([
            "feature": "heating.power.consumption.dhw",
            "properties": ["day": ["type": "array", "value": [1.0, 2.0]]],
        ])
        #expect(dayOnly.map(\.name) == ["heating.power.consumption.dhw"])
        let emptyYear = ViessmannFeatureFlattener.flatten([
            "feature": "heating.power.consumption.heating", "properties": ["year": ["type": "array", "value": []]],
        ])
        #expect(emptyYear.count == 1)
        let gas = ViessmannFeatureFlattener.flatten([
            "feature": "heating.gas.consumption.total", "properties": ["year": ["type": "array", "value": [4.0]]],
        ])
        #expect(gas.count == 1)
    }

    @Test("the four consumption features each give their currentYear alias")
    func fourAliases() throws {
        let features = try flatFeatures("features_heating_system.json")
        for kind in ["cooling", "dhw", "heating", "total"] {
            let alias = features.first { $0.name == "heating.power.consumption.\(kind).currentYear" }
            #expect(alias?.value == 1100.5, "\(kind)")
        }
    }

    @Test("metadata keys are skipped; scalar min/max are metadata; a feature unit object does not leak")
    func metadata() throws {
        let features = ViessmannFeatureFlattener.flatten([
            "feature": "heating.x",
            "properties": [
                "value": ["type": "number", "value": 5], "min": 1, "max": ["type": "number", "value": 9],
                "unit": ["type": "string", "value": "celsius"], "type": "number", "displayValue": "5 °C",
                "components": ["a"],
            ],
        ])
        #expect(features.map(\.name) == ["heating.x.max", "heating.x"])
        #expect(features.allSatisfy { $0.unit == .celsius })
        let plain = ViessmannFeatureFlattener.flatten([
            "feature": "heating.y", "properties": ["value": 3, "unit": "bar"],
        ])
        #expect(plain == [ViessmannFeature(name: "heating.y", value: 3, unit: .bar)])
    }

    @Test("defaults: no name is 'unknown', enabled and ready unless said; disabled features keep their flags")
    func defaults() throws {
        let features = ViessmannFeatureFlattener.flatten(["properties": ["value": ["type": "number", "value": 1]]])
        #expect(features == [ViessmannFeature(name: "unknown", value: 1)])
        let heating = try flatFeatures("features_heating_system.json")
        #expect(!heating.contains { $0.name.hasPrefix("heating.solar") || $0.name == "heating.circuits.2" })
        #expect(ViessmannFeatureFlattener.flatten("not an object").isEmpty)
    }
}
