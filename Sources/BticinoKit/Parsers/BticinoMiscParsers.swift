import AuthCore

/// Reads `setstate`, TURN and `getconfigs` answers.
enum BticinoMiscParsers {
    /// `errors` at the top level and under `body`.
    static func setState(_ reply: BticinoReply) -> BticinoSetStateResult {
        let entries = (reply.json["errors"]?.bticinoArray ?? []) + (reply.body["errors"]?.bticinoArray ?? [])
        let errors = entries.map { entry in
            BticinoCommandError(
                code: entry["code"]?.lenientInt, command: entry["command"]?.stringValue,
                moduleID: entry["id"]?.bticinoID)
        }
        return BticinoSetStateResult(timeServer: reply.timeServer, errors: errors)
    }

    /// `body.iceServers`, else top-level `iceServers`, else `[]`; a legacy `url` counts as `urls`.
    static func iceServers(_ reply: BticinoReply) -> [BticinoICEServer] {
        let list = reply.body["iceServers"]?.arrayValue ?? reply.json["iceServers"]?.arrayValue ?? []
        return list.compactMap { entry in
            var urls = (entry["urls"]?.bticinoArray ?? []).compactMap(\.stringValue)
            if let single = entry["urls"]?.stringValue { urls.append(single) }
            if let legacy = entry["url"]?.stringValue { urls.append(legacy) }
            guard !urls.isEmpty else { return nil }
            return BticinoICEServer(
                urls: urls, username: entry["username"]?.lenientString,
                credential: entry["credential"]?.lenientString.map { Secret($0) },
                credentialType: entry["credentialType"]?.stringValue)
        }
    }

    /// `body.home.modules[]`.
    static func configs(_ reply: BticinoReply) -> [BticinoModuleConfig] {
        (reply.body["home"]?["modules"]?.bticinoArray ?? []).compactMap { entry in
            guard let object = entry.objectValue, let id = object["id"]?.bticinoID else { return nil }
            return BticinoModuleConfig(
                id: id, type: object["type"]?.stringValue.map(BticinoModuleType.init(rawValue:)),
                lastConfigsUpdate: object["last_configs_update"]?.lenientInt,
                doNotDisturb: object["do_not_disturb"]?.objectValue.map(BticinoConfigObject.init(json:)),
                professionalStudio: object["professional_studio"]?.objectValue.map(BticinoConfigObject.init(json:)),
                fields: object)
        }
    }
}
