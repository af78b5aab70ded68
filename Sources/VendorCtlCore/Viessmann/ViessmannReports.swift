import AuthCore
import Foundation
import ViessmannKit

/// What the Viessmann commands print: one `Encodable` document for `--json`, a table otherwise.
enum ViessmannReports {
    struct Login: Encodable {
        let clientID: String
        let redirectURI: String
        let tokenFile: String
        let expiresAt: Date?

        var text: String {
            "signed in (client \(clientID)); tokens saved to \(tokenFile)"
                + (expiresAt.map { ", access token valid until \(ISO8601DateFormatter().string(from: $0))" } ?? "")
                + "\n"
        }
    }

    struct Equipment: Encodable {
        let installations: [ViessmannInstallation]
        let gateways: [ViessmannGateway]
        let devices: [ViessmannDevice]
    }

    static func table(_ installations: [ViessmannInstallation]) -> String {
        var table = TextTable("ID", "DESCRIPTION", "ALIAS", "CITY", "STATUS")
        for item in installations {
            table.append([
                item.id, item.description, Cell.text(item.alias), Cell.text(item.city),
                Cell.text(item.aggregatedStatus),
            ])
        }
        return table.rendered
    }

    static func table(_ equipment: Equipment) -> String {
        var gateways = TextTable("GATEWAY", "INSTALLATION", "VERSION", "STATUS")
        for gateway in equipment.gateways {
            gateways.append([gateway.serial, gateway.installationID, gateway.version, Cell.text(gateway.status)])
        }
        var devices = TextTable("DEVICE", "GATEWAY", "MODEL", "TYPE", "STATUS")
        for device in equipment.devices {
            devices.append([device.id, device.gatewaySerial, device.modelID, device.deviceType, device.status])
        }
        return gateways.rendered + "\n" + devices.rendered
    }

    static func table(_ features: [ViessmannFeature]) -> String {
        var table = TextTable("", "FEATURE", "VALUE")
        for feature in features {
            table.append([feature.isWritable ? "*" : "", feature.name, format(feature)])
        }
        return table.rendered + "(* = writable)\n"
    }

    /// `value unit`; a schedule as `Mo[06:00-22:00] …`; a long list as `List[N items]`.
    static func format(_ feature: ViessmannFeature) -> String {
        let unit = feature.unit.map { $0.rawValue.isEmpty ? "" : " \($0.rawValue)" } ?? ""
        switch feature.value {
        case .null: return "-"
        case .string(let text): return text + unit
        case .number(let number): return number.description + unit
        case .bool(let flag): return (flag ? "true" : "false") + unit
        case .array(let items):
            guard items.count <= 10 else { return "List[\(items.count) items]" + unit }
            return "[" + items.map(plain).joined(separator: ", ") + "]" + unit
        case .object(let object):
            let days = object["entries"]?["value"]?.objectValue ?? object
            let order = ["mon": "Mo", "tue": "Tu", "wed": "We", "thu": "Th", "fri": "Fr", "sat": "Sa", "sun": "Su"]
            guard days.keys.contains(where: { order[$0] != nil }) else { return plain(feature.value) }
            let parts = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].compactMap { day -> String? in
                guard let slots = days[day]?.arrayValue, !slots.isEmpty else { return nil }
                let times = slots.map { "\($0["start"]?.stringValue ?? "?")-\($0["end"]?.stringValue ?? "?")" }
                return "\(order[day] ?? day)[\(times.joined(separator: ","))]"
            }
            return parts.isEmpty ? "(empty)" : parts.joined(separator: " ")
        }
    }

    static func plain(_ value: JSONValue) -> String {
        String(decoding: (try? value.jsonData()) ?? Data(), as: UTF8.self)
    }

    static func details(_ feature: ViessmannFeature) -> String {
        var fields = FieldList()
        fields.add("feature", feature.name)
        fields.add("value", format(feature))
        fields.add("enabled", feature.isEnabled ? "yes" : "no")
        fields.add("ready", feature.isReady ? "yes" : "no")
        if let control = feature.control {
            fields.add("command", "\(control.commandName)(\(control.requiredParams.joined(separator: ", ")))")
            fields.add("parameter", "\(control.paramName) (\(control.parameterType))")
            var constraints: [String] = []
            if let min = control.min { constraints.append("min \(min)") }
            if let max = control.max { constraints.append("max \(max)") }
            if let step = control.step { constraints.append("step \(step)") }
            if !control.options.isEmpty {
                constraints.append("options " + control.options.map(plain).joined(separator: ", "))
            }
            if let length = control.minLength { constraints.append("min length \(length)") }
            if let length = control.maxLength { constraints.append("max length \(length)") }
            if let pattern = control.pattern { constraints.append("pattern \(pattern)") }
            fields.add("constraints", constraints.isEmpty ? "-" : constraints.joined(separator: "; "))
        } else {
            fields.add("command", "- (read-only)")
        }
        return fields.rendered
    }

    struct SetResult: Encodable {
        let feature: String
        let value: JSONValue
        let response: ViessmannCommandResponse
        let readBack: JSONValue?

        var text: String {
            let outcome = response.success ? "ok" : "refused"
            let reason = [response.message, response.reason].compactMap { $0 }.joined(separator: ", ")
            return "\(feature) = \(ViessmannReports.plain(value)): \(outcome)\(reason.isEmpty ? "" : " (\(reason))")"
                + (readBack.map { "; read back: \(ViessmannReports.plain($0))" } ?? "") + "\n"
        }
    }
}
