import AuthCore

/// Reads `getevents`: `body.home.events[]` with their subevents; entries without an id are skipped.
enum BticinoEventParser {
    static func parse(_ reply: BticinoReply) -> [BticinoEvent] {
        (reply.body["home"]?["events"]?.bticinoArray ?? []).compactMap(event)
    }

    static func event(_ json: JSONValue) -> BticinoEvent? {
        guard let id = json["id"]?.bticinoID else { return nil }
        return BticinoEvent(
            id: id, type: BticinoEventType(rawValue: json["type"]?.stringValue ?? ""), time: json["time"]?.lenientInt,
            end: json["end"]?.lenientInt, moduleID: json["module_id"]?.bticinoID,
            message: json["message"]?.stringValue, videoStatus: json["video_status"]?.stringValue,
            subevents: (json["subevents"]?.bticinoArray ?? []).compactMap(subevent))
    }

    static func subevent(_ json: JSONValue) -> BticinoSubevent? {
        guard let id = json["id"]?.bticinoID else { return nil }
        return BticinoSubevent(
            id: id, type: BticinoEventType(rawValue: json["type"]?.stringValue ?? ""), time: json["time"]?.lenientInt,
            verified: json["verified"]?.bticinoBool, offset: json["offset"]?.lenientInt,
            sessionID: json["session_id"]?.bticinoID, message: json["message"]?.stringValue,
            snapshot: media(json["snapshot"]), vignette: media(json["vignette"]))
    }

    static func media(_ json: JSONValue?) -> BticinoMedia? {
        guard let url = json?["url"]?.stringValue, !url.isEmpty else { return nil }
        return BticinoMedia(url: url, expiresAt: json?["expires_at"]?.lenientInt)
    }
}
