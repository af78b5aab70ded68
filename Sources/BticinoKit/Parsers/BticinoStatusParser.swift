import AuthCore

/// Reads `homestatus`: `body.home.modules[]` and `body.home.rooms[]`; entries without an id are skipped.
enum BticinoStatusParser {
    static func parse(_ reply: BticinoReply, homeID: String) -> BticinoHomeStatus {
        let home = reply.body["home"] ?? .null
        let modules = (home["modules"]?.bticinoArray ?? []).compactMap(module)
        let rooms = (home["rooms"]?.bticinoArray ?? []).compactMap { room -> BticinoRoomStatus? in
            guard let id = room["id"]?.bticinoID else { return nil }
            return BticinoRoomStatus(
                id: id, name: room["name"]?.stringValue, thermSetpointMode: room["therm_setpoint_mode"]?.stringValue,
                thermSetpointEndTime: room["therm_setpoint_end_time"]?.lenientInt)
        }
        return BticinoHomeStatus(homeID: home["id"]?.bticinoID ?? homeID, modules: modules, rooms: rooms)
    }

    static func module(_ json: JSONValue) -> BticinoModuleStatus? {
        guard let id = json["id"]?.bticinoID else { return nil }
        var status = BticinoModuleStatus(id: id)
        status.type = json["type"]?.stringValue.map(BticinoModuleType.init(rawValue:))
        status.bridgeID = json["bridge"]?.bticinoID
        status.variant = json["variant"]?.stringValue
        status.reachable = json["reachable"]?.bticinoBool
        status.busy = json["busy"]?.bticinoBool
        status.configured = json["configured"]?.bticinoBool
        status.firmwareName = json["firmware_name"]?.lenientString
        status.firmwareRevision = json["firmware_revision"]?.lenientInt
        status.wifiStrength = json["wifi_strength"]?.lenientInt
        status.connection = json["connection"]?.stringValue
        status.localIPv4 = json["local_ipv4"]?.stringValue
        status.uptime = json["uptime"]?.lenientInt
        status.websocketConnected = json["websocket_connected"]?.bticinoBool
        status.lastConfigsUpdate = json["last_configs_update"]?.lenientInt
        status.lastUserInteraction = json["last_user_interaction"]?.lenientInt
        status.lastSeen = json["last_seen"]?.lenientInt
        status.lock = json["lock"]?.bticinoBool
        status.status = json["status"]?.stringValue
        status.applianceType = json["appliance_type"]?.stringValue
        return status
    }
}
