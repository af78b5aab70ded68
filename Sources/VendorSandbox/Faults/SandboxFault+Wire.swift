/// The fault's JSON form on the control endpoint (`POST /_sandbox/faults`):
///
/// ```json
/// {"route": "flowerhub/asset", "fault": {"kind": "statusSequence", "statuses": [503, 503]}}
/// {"route": "GET businessCentral/customers", "fault": {"kind": "rateLimited", "retryAfterSeconds": 2}}
/// {"route": "entra", "fault": {"kind": "delay", "milliseconds": 300, "times": 2}}
/// ```
///
/// Kinds: `status` (`status`), `statusSequence` (`statuses`), `rateLimited` (`retryAfterSeconds`
/// or `retryAfterDateIn`), `delay` (`milliseconds`), `trickle` (`chunkSize`,
/// `intervalMilliseconds`), `connectionResetMidBody` (`afterBytes`), `truncatedJSON`,
/// `htmlErrorPage` (`status`), `wrongContentType` (`contentType`), `emptyBody` (`status`),
/// `oversizedBody` (`bytes`, `status`), `sequence` (`faults`). Any kind takes `times` and `forever`.
extension SandboxFault {
    init?(wire json: SandboxJSON) {
        guard let kind = json["kind"]?.stringValue else { return nil }
        func int(_ key: String) -> Int? { json[key]?.doubleValue.flatMap { Int(exactly: $0.rounded(.down)) } }
        var fault: SandboxFault
        switch kind {
        case "status":
            guard let status = int("status") else { return nil }
            fault = .status(status)
        case "statusSequence":
            guard let statuses = json["statuses"]?.arrayValue?.compactMap({ $0.doubleValue.map { Int($0) } }),
                !statuses.isEmpty
            else { return nil }
            fault = .statusSequence(statuses)
        case "rateLimited":
            if let date = int("retryAfterDateIn") {
                fault = .rateLimited(retryAfterDateIn: date)
            } else {
                fault = .rateLimited(retryAfterSeconds: int("retryAfterSeconds") ?? 1)
            }
        case "delay":
            fault = .delay(.milliseconds(int("milliseconds") ?? 1000))
        case "trickle":
            fault = .trickle(
                chunkSize: int("chunkSize") ?? 8, interval: .milliseconds(int("intervalMilliseconds") ?? 50))
        case "connectionResetMidBody":
            fault = .connectionResetMidBody(afterBytes: int("afterBytes"))
        case "truncatedJSON":
            fault = .truncatedJSON
        case "htmlErrorPage":
            fault = .htmlErrorPage(status: int("status") ?? 502)
        case "wrongContentType":
            fault = .wrongContentType(json["contentType"]?.stringValue ?? "text/html; charset=utf-8")
        case "emptyBody":
            fault = .emptyBody(status: int("status") ?? 200)
        case "oversizedBody":
            fault = .oversizedBody(bytes: int("bytes") ?? 20 * 1024 * 1024, status: int("status"))
        case "sequence":
            guard let parts = json["faults"]?.arrayValue?.compactMap(SandboxFault.init(wire:)), !parts.isEmpty else {
                return nil
            }
            fault = .sequence(parts)
        default:
            return nil
        }
        if let times = int("times") { fault = fault.times(times) }
        if json["forever"] == .bool(true) { fault = fault.forever() }
        self = fault
    }
}
