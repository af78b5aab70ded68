import Foundation

/// The control endpoint under `/_sandbox`, for tests and tools that drive the sandbox over HTTP
/// (from another process, or `vendorctl sandbox serve`). Its requests are neither recorded nor faulted.
///
/// | Method and path | Body | Answer |
/// |---|---|---|
/// | `GET /_sandbox` | – | the vendors' base URLs |
/// | `POST /_sandbox/faults` | `{"route": "flowerhub/asset", "fault": {…}}`, or a list | 201, `{"queued": n}` |
/// | `GET /_sandbox/faults` | – | `{"pending": n}` |
/// | `DELETE /_sandbox/faults` | – | 204; every fault removed |
/// | `GET /_sandbox/requests?route=flowerhub/asset` | – | the recorded requests (bodies as text) |
/// | `DELETE /_sandbox/requests` | – | 204; the recording cleared |
/// | `POST /_sandbox/clock` | `{"advanceSeconds": 3600}` | the sandbox's time |
/// | `POST /_sandbox/reset` | – | 204; faults, recording, clock and every vendor's state reset |
///
/// The fault's JSON form is described on ``SandboxFault``. The recording includes bodies and
/// header fields as sent, secrets included: the sandbox listens on loopback for tests only.
struct SandboxControl: Sendable {
    /// Where the control endpoint lives.
    static let prefix = "/_sandbox"

    let faults: SandboxFaults
    let recorder: SandboxRecorder
    let clock: SandboxClock
    let index: @Sendable () -> SandboxJSON
    let resetAll: @Sendable () -> Void

    func handle(_ request: SandboxIncomingRequest) async -> SandboxResponse {
        let path = String(request.rawPath.dropFirst(SandboxControl.prefix.count))
        switch (request.method, path) {
        case ("GET", ""), ("GET", "/"):
            return .json(index())
        case ("POST", "/faults"):
            return injectFaults(request.body)
        case ("GET", "/faults"):
            return .json(.object(SandboxJSONObject([("pending", .int(min(faults.pendingCount(), Int(Int32.max))))])))
        case ("DELETE", "/faults"):
            faults.clear()
            return .empty(status: 204)
        case ("GET", "/requests"):
            return listRequests(request.query("route"))
        case ("DELETE", "/requests"):
            recorder.clear()
            return .empty(status: 204)
        case ("POST", "/clock"):
            if let seconds = (try? SandboxJSON.parse(request.body))?["advanceSeconds"]?.doubleValue, seconds.isFinite {
                clock.advance(by: .milliseconds(Int64(max(0, min(seconds, 1e9)) * 1000)))
            }
            return .json(
                .object(
                    SandboxJSONObject([
                        ("now", .string(SandboxHTTPDate.iso8601(clock.now))),
                        ("advancedSeconds", .number(String(Double(clock.advanced.components.seconds)))),
                    ])))
        case ("POST", "/reset"):
            resetAll()
            return .empty(status: 204)
        default:
            return Self.problem(404, "no control route \(request.method) \(SandboxControl.prefix)\(path)")
        }
    }

    private func injectFaults(_ body: Data) -> SandboxResponse {
        guard let json = try? SandboxJSON.parse(body) else { return Self.problem(400, "the body is not JSON") }
        let entries = json.arrayValue ?? [json]
        var parsed: [(SandboxRoute, SandboxFault)] = []
        for entry in entries {
            guard let routeText = entry["route"]?.stringValue, let route = SandboxRoute(parsing: routeText) else {
                return Self.problem(400, "each fault needs a route such as \"flowerhub/asset\"")
            }
            guard let faultJSON = entry["fault"], let fault = SandboxFault(wire: faultJSON) else {
                return Self.problem(400, "unknown or incomplete fault for \(routeText)")
            }
            parsed.append((route, fault))
        }
        for (route, fault) in parsed { faults.inject(fault, on: route) }
        let queued = parsed.reduce(0) { $0 + min($1.1.requestCount, Int(Int32.max)) }
        return .json(.object(SandboxJSONObject([("queued", .int(queued))])), status: 201)
    }

    private func listRequests(_ routeText: String?) -> SandboxResponse {
        let route = routeText.flatMap(SandboxRoute.init(parsing:)) ?? .any
        let list = recorder.requests(for: route).map { recorded -> SandboxJSON in
            let headers = recorded.headers.map { SandboxJSON.array([.string($0.name.rawName), .string($0.value)]) }
            return .object(
                SandboxJSONObject([
                    ("sequence", .int(recorded.sequence)),
                    ("vendor", recorded.vendor.map { .string($0.name) } ?? .null),
                    ("route", recorded.routeName.map { .string($0) } ?? .null),
                    ("method", .string(recorded.method)),
                    ("path", .string(recorded.path)),
                    ("query", recorded.query.map { .string($0) } ?? .null),
                    ("headers", .array(headers)),
                    ("body", .string(recorded.bodyText)),
                    ("status", recorded.status.map { .int($0) } ?? .null),
                    ("fault", recorded.fault.map { .string($0) } ?? .null),
                ]))
        }
        return .json(.object(SandboxJSONObject([("requests", .array(list))])))
    }

    private static func problem(_ status: Int, _ message: String) -> SandboxResponse {
        .json(.object(SandboxJSONObject([("error", .string(message))])), status: status)
    }
}
