import AuthCore

/// Reads the three uptime bodies.
enum UptimeParsers {
    /// The months with data; elements that are not objects are skipped.
    ///
    /// - Throws: "expected list".
    static func months(_ json: JSONValue?) throws(PayloadIssue) -> [FlowerhubUptimeMonth] {
        PayloadShape.objects(in: try PayloadShape.list(json, "uptime available-months")).map { object in
            FlowerhubUptimeMonth(
                value: object["value"]?.lenientString ?? "", label: object["label"]?.lenientString ?? "")
        }
    }

    /// The history bars; elements that are not objects are skipped.
    ///
    /// - Throws: "expected list".
    static func history(_ json: JSONValue?) throws(PayloadIssue) -> [FlowerhubUptimeHistoryEntry] {
        PayloadShape.objects(in: try PayloadShape.list(json, "uptime history")).map { object in
            FlowerhubUptimeHistoryEntry(
                date: object["date"]?.lenientString ?? "", uptime: object["uptime"]?.lenientDouble)
        }
    }

    /// The pie: for each of `uptime`, `downtime`, `noData` the last matching element wins;
    /// unknown names and non-objects are ignored; `[]` gives an all-`nil` pie.
    ///
    /// - Throws: "expected list".
    static func pie(_ json: JSONValue?) throws(PayloadIssue) -> FlowerhubUptimePie {
        var values: [String: Double?] = [:]
        for object in PayloadShape.objects(in: try PayloadShape.list(json, "uptime pie-chart")) {
            guard let name = object["name"]?.stringValue, ["uptime", "downtime", "noData"].contains(name) else {
                continue
            }
            values[name] = object["value"]?.lenientDouble
        }
        return FlowerhubUptimePie(
            uptime: values["uptime"] ?? nil, downtime: values["downtime"] ?? nil, noData: values["noData"] ?? nil)
    }
}
