import AuthCore

/// Reads push frames and the WebRTC parts of push and signaling frames.
enum BticinoPushParser {
    /// The event of a frame with a `push_type`; `nil` for anything else.
    static func event(_ json: JSONValue) -> BticinoPushEvent? {
        guard let pushType = json["push_type"]?.stringValue, !pushType.isEmpty else { return nil }
        var event: BticinoPushEvent
        if let dash = pushType.firstIndex(of: "-") {
            let prefix = String(pushType[..<dash])
            let suffix = String(pushType[pushType.index(after: dash)...])
            event = BticinoPushEvent(pushType: pushType, type: BticinoEventType(rawValue: suffix), raw: json)
            event.bridgeType = BticinoModuleType(rawValue: prefix)
        } else {
            event = BticinoPushEvent(pushType: pushType, type: BticinoEventType(rawValue: pushType), raw: json)
        }
        let extra = json["extra_params"] ?? .null
        event.category = json["category"]?.stringValue
        event.homeID = extra["home_id"]?.bticinoID
        event.homeName = extra["home_name"]?.stringValue
        event.deviceID = extra["device_id"]?.bticinoID
        event.cameraID = extra["camera_id"]?.bticinoID
        event.eventID = extra["event_id"]?.bticinoID
        event.subeventID = extra["subevent_id"]?.bticinoID
        event.sessionID = extra["session_id"]?.bticinoID
        event.timestamp = extra["timestamp"]?.lenientInt
        event.snapshotURL = extra["snapshot_url"]?.stringValue
        event.vignetteURL = extra["vignette_url"]?.stringValue
        if event.type == .rtc || extra["data"]?["type"] != nil {
            let rtc = rtcMessage(extra)
            event.rtc = rtc
            event.moduleID = rtc.moduleID
        }
        return event
    }

    /// The WebRTC message of an object carrying `session_id`, `tag_id`, `correlation_id`,
    /// `device_id`, `home_id` and `data{type, session_description, ice_candidate, error}`.
    static func rtcMessage(_ json: JSONValue) -> BticinoRTCMessage {
        let data = json["data"] ?? .null
        var message = BticinoRTCMessage(kind: BticinoRTCKind(rawValue: data["type"]?.stringValue ?? ""))
        message.sessionID = json["session_id"]?.bticinoID
        message.tagID = json["tag_id"]?.bticinoID
        message.correlationID = json["correlation_id"]?.bticinoID
        message.deviceID = json["device_id"]?.bticinoID
        message.homeID = json["home_id"]?.bticinoID
        let description = data["session_description"] ?? .null
        message.sdp = description["sdp"]?.stringValue
        message.moduleID = description["module_id"]?.bticinoID
        message.modules = (description["modules"]?.bticinoArray ?? []).compactMap { entry in
            if let id = entry.bticinoID { return BticinoPushModule(id: id) }
            guard let id = entry["id"]?.bticinoID else { return nil }
            return BticinoPushModule(
                id: id, type: entry["type"]?.stringValue.map(BticinoModuleType.init(rawValue:)),
                name: entry["name"]?.stringValue)
        }
        if let ice = data["ice_candidate"], let line = ice["candidate"]?.stringValue, !line.isEmpty {
            message.candidate = BticinoICECandidate(
                candidate: line, sdpMLineIndex: ice["sdp_m_line_index"]?.lenientInt ?? 0)
        }
        if let error = data["error"], error.objectValue != nil {
            message.error = BticinoRTCError(code: error["code"]?.lenientInt, message: error["message"]?.stringValue)
        }
        return message
    }
}
