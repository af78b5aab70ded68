import BticinoKit
import Foundation

/// What the BTicino commands print, as tables and JSON.
enum BticinoReports {
    struct Login: Encodable {
        let username: String?
        let homes: Int
        let tokenFile: String
        var text: String { "signed in as \(username ?? "-"): \(homes) home(s); token saved in \(tokenFile)\n" }
    }

    struct Home: Encodable {
        let id: String
        let name: String
        let timezone: String?
        let modules: [Module]
    }

    struct Module: Encodable {
        let id: String
        let name: String
        let type: String
        let meaning: String
        let bridge: String?
        let reachable: Bool?
        let locked: Bool?
        let light: String?
        let firmware: String?
    }

    static func homes(_ topology: BticinoTopology) -> [Home] {
        topology.homes.map { home in
            Home(
                id: home.id, name: home.name, timezone: home.timezone,
                modules: home.modules.map { module in
                    Module(
                        id: module.id, name: module.name, type: module.type.rawValue, meaning: module.type.meaning,
                        bridge: module.bridgeID, reachable: module.reachable, locked: nil, light: nil, firmware: nil)
                })
        }
    }

    static func status(_ state: BticinoHomeState) -> Home {
        Home(
            id: state.home.id, name: state.home.name, timezone: state.home.timezone,
            modules: state.modules.map { module in
                Module(
                    id: module.id, name: module.module.name, type: module.module.type.rawValue,
                    meaning: module.module.type.meaning, bridge: module.module.bridgeID, reachable: module.isReachable,
                    locked: module.module.type == .bndl ? module.isLocked : nil,
                    light: module.module.type == .bnsl ? (module.isLightOn ? "on" : "off") : nil,
                    firmware: module.firmware)
            })
    }

    static func table(_ homes: [Home]) -> String {
        var text = ""
        for home in homes {
            text += "\(home.name)  \(home.id)  \(home.timezone ?? "-")\n"
            if home.modules.isEmpty { text += "  (no modules)\n" }
            for module in home.modules {
                var extras: [String] = []
                if let reachable = module.reachable { extras.append(reachable ? "reachable" : "unreachable") }
                if let locked = module.locked { extras.append(locked ? "locked" : "unlocked") }
                if let light = module.light { extras.append("light \(light)") }
                if let firmware = module.firmware { extras.append("fw \(firmware)") }
                text +=
                    "  \(module.type.padding(toLength: 6, withPad: " ", startingAt: 0)) \(module.id)  \(module.name)"
                text += extras.isEmpty ? "\n" : "  [\(extras.joined(separator: ", "))]\n"
            }
        }
        return text
    }

    struct Command: Encodable {
        let home: String
        let module: String
        let action: String
        var text: String { "\(action): module \(module) in home \(home)\n" }
    }

    struct Event: Encodable {
        let id: String
        let type: String
        let time: Int?
        let module: String?
        let message: String?
        let subevents: [String]
        let snapshot: String?
    }

    static func events(_ events: [BticinoEvent]) -> [Event] {
        events.map { event in
            Event(
                id: event.id, type: event.type.rawValue, time: event.time, module: event.moduleID,
                message: event.message, subevents: event.subevents.map(\.type.rawValue),
                snapshot: event.subevents.compactMap(\.snapshot?.url).first)
        }
    }

    static func table(_ events: [Event]) -> String {
        guard !events.isEmpty else { return "no events\n" }
        return events.map { event in
            let when = event.time.map { String($0) } ?? "-"
            let steps = event.subevents.isEmpty ? "" : " (\(event.subevents.joined(separator: ", ")))"
            return "\(when)  \(event.type)\(steps)  \(event.message ?? "")\n"
        }.joined()
    }

    struct PushLine: Encodable {
        let update: String
        let type: String?
        let pushType: String?
        let home: String?
        let module: String?
        let session: String?
        let snapshot: String?
        let detail: String?

        init(_ update: BticinoPushUpdate) {
            var kind = "event"
            var detail: String?
            let event = update.event
            switch update {
            case .subscribed: kind = "subscribed"
            case .subscriptionRenewed: kind = "renewed"
            case .serverMessage: kind = "server-message"
            case .reconnecting(let step):
                kind = "reconnecting"
                detail = "attempt \(step.attempt) in \(step.delay): \(step.reason)"
            case .event: break
            }
            self.update = kind
            self.type = event?.type.rawValue
            self.pushType = event?.pushType
            self.home = event?.homeID
            self.module = event?.moduleID
            self.session = event?.sessionID ?? event?.rtc?.sessionID
            self.snapshot = event?.snapshotURL
            self.detail = detail
        }

        var text: String {
            if update != "event" { return "\(update)\(detail.map { ": \($0)" } ?? "")" }
            return "\(pushType ?? "-")  home \(home ?? "-")  module \(module ?? "-")\(snapshot.map { "  \($0)" } ?? "")"
        }
    }
}
