import AuthCore

/// Reads the three uptime bodies.
enum UptimeParsers {
    /// The months with data; elements that are not objects are skipped.
    ///
    /// - Throws: "expected list".
    static func months(_ json: JSONValue?) throws(PayloadIssue) -> [UptimeMonth] {
        PayloadShape.objects(in: try PayloadShape.list(json, "uptime available-months")).map { object in
            UptimeMonth(value: Lenient.string(object["value"]) ?? "", label: Lenient.string(object["label"]) ?? "")
        }
    }

    /// The history bars; elements that are not objects are skipped.
    ///
    /// - Throws: "expected list".
    static func history(_ json: JSONValue?) throws(PayloadIssue) -> [UptimeHistoryEntry] {
        PayloadShape.objects(in: try PayloadShape.list(json, "uptime history")).map { object in
            UptimeHistoryEntry(date: Lenient.string(object["date"]) ?? "", uptime: Lenient.double(object["uptime"]))
        }
    }

    /// The pie: for each of `uptime`, `downtime`, `noData` the last matching element wins;
    /// unknown names and non-objects are ignored; `[]` gives an all-`nil` pie.
    ///
    /// - Throws: "expected list".
    static func pie(_ json: JSONValue?) throws(PayloadIssue) -> UptimePie {
        var values: [String: Double?] = [:]
        for object in PayloadShape.objects(in: try PayloadShape.list(json, "uptime pie-chart")) {
            guard let name = object["name"]?.stringValue, ["uptime", "downtime", "noData"].contains(name) else {
                continue
            }
            values[name] = Lenient.double(object["value"])
        }
        return UptimePie(
            uptime: values["uptime"] ?? nil, downtime: values["downtime"] ?? nil, noData: values["noData"] ?? nil)
    }
}
