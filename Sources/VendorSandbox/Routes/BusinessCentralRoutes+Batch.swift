import Foundation
import HTTPTypes

extension BusinessCentralRoutes {
    /// The most operations one `$batch` may hold.
    static let batchLimit = 100

    /// JSON `$batch`: `{"requests":[{id, method, url, headers, body, dependsOn, atomicityGroup}]}`
    /// answered `200 {"responses":[{id, status, headers, body}]}`, one answer per request.
    ///
    /// Operations run in order on the data. With `Isolation: snapshot` the batch is one
    /// transaction: when an operation fails, every change is rolled back and the operations that
    /// had succeeded answer 424. Requests sharing an `atomicityGroup` (adjacent, as OData requires)
    /// are rolled back together the same way. A request whose `dependsOn` names a failed request
    /// answers 424 without running.
    func batch(_ request: SandboxIncomingRequest, serviceRoot: String) -> SandboxResponse {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return Self.error(400, "BadRequest", "A JSON $batch needs Content-Type: application/json.")
        }
        guard let json = try? SandboxJSON.parse(request.body), let requests = json["requests"]?.arrayValue else {
            return Self.error(400, "BadRequest", "The $batch body must be an object with a 'requests' array.")
        }
        guard requests.count <= Self.batchLimit else {
            return Self.error(
                400, "BadRequest", "A $batch may hold at most \(Self.batchLimit) operations, got \(requests.count).")
        }
        let snapshot = request.headers[HTTPField.Name("Isolation")!]?.lowercased() == "snapshot"
        let now = clock.now
        let answers = state.withStore { store, settings in
            var runner = BatchRunner(serviceRoot: serviceRoot, settings: settings, now: now, working: store)
            runner.run(requests)
            if snapshot, runner.answers.contains(where: { $0.status >= 400 }) {
                runner.markRolledBack()
            } else {
                store = runner.working
            }
            return runner.answers
        }
        let list = answers.map { answer -> SandboxJSON in
            var object = SandboxJSONObject([
                ("id", .string(answer.id)), ("status", .int(answer.status)),
                ("headers", .object(SandboxJSONObject(answer.headers.map { ($0.0, SandboxJSON.string($0.1)) }))),
            ])
            if let body = answer.body { object["body"] = body }
            return .object(object)
        }
        return .json(.object(SandboxJSONObject([("responses", .array(list))])), contentType: Self.contentType)
    }
}

/// Runs the operations of one `$batch` on a working copy of the data.
private struct BatchRunner {
    struct Answer {
        let id: String
        var status: Int
        var headers: [(String, String)]
        var body: SandboxJSON?
        let group: String?
    }

    let serviceRoot: String
    let settings: SandboxBusinessCentral.Settings
    let now: Date
    var working: BusinessCentralStore
    private(set) var answers: [Answer] = []

    init(serviceRoot: String, settings: SandboxBusinessCentral.Settings, now: Date, working: BusinessCentralStore) {
        self.serviceRoot = serviceRoot
        self.settings = settings
        self.now = now
        self.working = working
    }

    mutating func run(_ requests: [SandboxJSON]) {
        var groupStart: (name: String, store: BusinessCentralStore, first: Int)?
        for (position, request) in requests.enumerated() {
            let id =
                request["id"]?.stringValue ?? request["id"]?.doubleValue.map { String(Int($0)) } ?? String(position + 1)
            let group = request["atomicityGroup"]?.stringValue
            if group != groupStart?.name {
                closeGroup(&groupStart)
                if let group { groupStart = (group, working, answers.count) }
            }
            let failedDependency = (request["dependsOn"]?.arrayValue ?? []).compactMap(\.stringValue).contains { name in
                !(answers.first { $0.id == name }.map { (200..<300).contains($0.status) } ?? false)
            }
            if failedDependency {
                answers.append(Self.failed(id, group: group, status: 424, "A request this one depends on failed."))
                continue
            }
            answers.append(execute(request, id: id, group: group))
        }
        closeGroup(&groupStart)
    }

    /// Turns every successful answer into 424 (the caller discards the working copy of the data).
    mutating func markRolledBack() {
        for index in answers.indices where (200..<300).contains(answers[index].status) {
            answers[index] = Self.failed(
                answers[index].id, group: answers[index].group, status: 424,
                "The operation was rolled back because another operation of the transaction failed.")
        }
    }

    /// Ends an atomicity group: when one of its operations failed, its changes are undone and its
    /// successful answers become 424.
    private mutating func closeGroup(_ group: inout (name: String, store: BusinessCentralStore, first: Int)?) {
        guard let current = group else { return }
        group = nil
        let range = current.first..<answers.count
        guard answers[range].contains(where: { $0.status >= 400 }) else { return }
        working = current.store
        for index in range where (200..<300).contains(answers[index].status) {
            answers[index] = Self.failed(
                answers[index].id, group: current.name, status: 424,
                "The operation was rolled back because another operation of its atomicity group failed.")
        }
    }

    private mutating func execute(_ request: SandboxJSON, id: String, group: String?) -> Answer {
        guard let method = request["method"]?.stringValue?.uppercased(), let url = request["url"]?.stringValue else {
            return Self.failed(id, group: group, status: 400, "Each batch request needs a method and a url.")
        }
        var relative = url
        if let range = relative.range(of: "/api/v2.0/"), relative.contains("://") {
            relative = String(relative[range.upperBound...])
        }
        while relative.hasPrefix("/") { relative.removeFirst() }
        let (path, query) = Self.split(relative)
        var headers: [String: String] = [:]
        for (name, value) in request["headers"]?.objectValue?.members ?? [] {
            if let text = value.stringValue { headers[name.lowercased()] = text }
        }
        let operation = BusinessCentralOperation(
            method: method, path: path.removingPercentEncodingOrSelf,
            query: SandboxIncomingRequest.pairs(query ?? "", plusIsSpace: false), headers: headers,
            body: request["body"].map { $0.data } ?? Data(), serviceRoot: serviceRoot)
        let response = BusinessCentralAPI.execute(operation, store: &working, settings: settings, now: now)
        var answerHeaders: [(String, String)] = []
        for field in response.headers { answerHeaders.append((field.name.canonicalName, field.value)) }
        let body = response.body.isEmpty ? nil : try? SandboxJSON.parse(response.body)
        return Answer(id: id, status: response.status, headers: answerHeaders, body: body, group: group)
    }

    /// `path?query` split at the first `?` outside a quoted literal.
    private static func split(_ text: String) -> (String, String?) {
        var inQuotes = false
        for index in text.indices {
            if text[index] == "'" { inQuotes.toggle() }
            if text[index] == "?", !inQuotes {
                return (String(text[..<index]), String(text[text.index(after: index)...]))
            }
        }
        return (text, nil)
    }

    private static func failed(_ id: String, group: String?, status: Int, _ message: String) -> Answer {
        let error = BusinessCentralRoutes.error(
            status, status == 424 ? "BadRequest_FailedDependency" : "BadRequest", message)
        return Answer(
            id: id, status: status, headers: [("content-type", BusinessCentralRoutes.contentType)],
            body: try? SandboxJSON.parse(error.body), group: group)
    }
}
