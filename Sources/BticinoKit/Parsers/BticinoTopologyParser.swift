import AuthCore

/// Reads `homesdata` leniently: homes without an id and modules without an id are skipped;
/// missing names and types get the defaults `Unknown Home`, `Unknown Module`, `Unknown Type`; a
/// home without `modules` has none; a missing user is `nil`; an empty answer has no homes.
enum BticinoTopologyParser {
    static func parse(_ reply: BticinoReply) -> BticinoTopology {
        let body = reply.body
        let user = body["user"]?.objectValue.map { user in
            BticinoUser(
                email: user["email"]?.stringValue, id: user["id"]?.bticinoID,
                language: user["language"]?.stringValue, locale: user["locale"]?.stringValue,
                country: user["country"]?.stringValue)
        }
        let homes = (body["homes"]?.bticinoArray ?? []).compactMap(home)
        return BticinoTopology(user: user, homes: homes)
    }

    static func home(_ json: JSONValue) -> BticinoHome? {
        guard let id = json["id"]?.bticinoID else { return nil }
        let rooms = (json["rooms"]?.bticinoArray ?? []).compactMap { room -> BticinoRoom? in
            guard let roomID = room["id"]?.bticinoID else { return nil }
            return BticinoRoom(
                id: roomID, name: room["name"]?.stringValue, type: room["type"]?.stringValue,
                moduleIDs: (room["module_ids"]?.bticinoArray ?? []).compactMap(\.bticinoID))
        }
        return BticinoHome(
            id: id, name: json["name"]?.stringValue ?? "Unknown Home", timezone: json["timezone"]?.stringValue,
            country: json["country"]?.stringValue, city: json["city"]?.stringValue, rooms: rooms,
            modules: (json["modules"]?.bticinoArray ?? []).compactMap(module))
    }

    static func module(_ json: JSONValue) -> BticinoModule? {
        guard let id = json["id"]?.bticinoID else { return nil }
        return BticinoModule(
            id: id, name: json["name"]?.stringValue ?? "Unknown Module",
            type: BticinoModuleType(rawValue: json["type"]?.stringValue ?? "Unknown Type"),
            setupDate: json["setup_date"]?.lenientInt, roomID: json["room_id"]?.bticinoID,
            bridgeID: json["bridge"]?.bticinoID, reachable: json["reachable"]?.bticinoBool,
            bridgedModuleIDs: (json["modules_bridged"]?.bticinoArray ?? []).compactMap(\.bticinoID))
    }
}
