import Foundation
import HTTPTypes

extension BusinessCentralAPI {
    /// The longest text Business Central keeps in a name field.
    static let maximumTextLength = 100

    /// `POST` to a collection: 201 with the new record, its `ETag` and `Location`.
    static func create(
        _ set: BusinessCentralEntitySet, company: String, parent: ODataTarget.Parent?,
        operation: BusinessCentralOperation, store: inout BusinessCentralStore, now: Date
    ) throws(ODataRequestError) -> SandboxResponse {
        let changes = try body(of: operation)
        try validate(changes, for: set, allowingNavigations: set.name == "salesOrders")
        var fields = set.template
        for (key, value) in changes.members where !key.hasPrefix("@") && set.fields.contains(key) {
            fields[key] = value
        }
        let id: String
        if let given = changes["id"]?.stringValue, ODataFilterParser.isGUID(given) {
            guard store.index(of: given, in: set.name) == nil else {
                throw ODataRequestError(
                    status: 400, code: "Internal_EntityWithSameKeyExists",
                    message: "The record already exists. Identification fields and values: Id='\(given)'")
            }
            id = given.lowercased()
        } else {
            id = store.nextID()
        }
        fields["id"] = .string(id)
        if set.fields.contains("number"), (fields["number"]?.stringValue ?? "").isEmpty,
            let number = store.nextNumber(for: set)
        {
            fields["number"] = .string(number)
        }
        if let parent {
            fields["documentId"] = .string(parent.id.lowercased())
        }
        if set.name == "salesOrderLines", (fields["sequence"]?.doubleValue ?? 0) == 0 {
            let siblings = (store.tables[set.name] ?? []).filter {
                $0.fields["documentId"] == fields["documentId"]
            }
            fields["sequence"] = .int((siblings.count + 1) * 10_000)
        }
        fields["lastModifiedDateTime"] = .string(timestamp(now))
        let record = BusinessCentralStore.Record(fields: fields, etag: store.nextETag())
        store.tables[set.name, default: []].append(record)
        if set.name == "salesOrders", let lines = changes["salesOrderLines"]?.arrayValue {
            try insertLines(lines, order: id, store: &store, now: now)
        }
        let context = contextPath(company: company, set: set.name, parent: parent) + "/$entity"
        var body = SandboxJSONObject([("@odata.context", .string("\(operation.serviceRoot)$metadata#\(context)"))])
        for (key, value) in render(record, options: ODataQueryOptions(), store: store).members { body[key] = value }
        let location = operation.serviceRoot + encode(operation.path, keepingSlashes: true) + "(\(id))"
        return SandboxResponse.json(.object(body), status: 201, contentType: BusinessCentralRoutes.contentType)
            .adding(.eTag, record.etag).adding(.location, location)
    }

    /// `PATCH` a record with `If-Match`: 200 with the changed record and its new ETag.
    static func update(
        _ set: BusinessCentralEntitySet, index: Int, context: String, operation: BusinessCentralOperation,
        store: inout BusinessCentralStore, settings: SandboxBusinessCentral.Settings, now: Date
    ) throws(ODataRequestError) -> SandboxResponse {
        guard var record = store.tables[set.name]?[index] else { throw .notFound("The record does not exist.") }
        try checkConcurrency(operation, record: record, settings: settings)
        let changes = try body(of: operation)
        try validate(changes, for: set, allowingNavigations: false)
        if let id = changes["id"]?.stringValue, id.lowercased() != record.fields["id"]?.stringValue?.lowercased() {
            throw .badRequest("The id of a record cannot be changed.")
        }
        for (key, value) in changes.members where !key.hasPrefix("@") { record.fields[key] = value }
        record.fields["lastModifiedDateTime"] = .string(timestamp(now))
        record.etag = store.nextETag()
        store.tables[set.name]?[index] = record
        var body = SandboxJSONObject([("@odata.context", .string("\(operation.serviceRoot)$metadata#\(context)"))])
        for (key, value) in render(record, options: ODataQueryOptions(), store: store).members { body[key] = value }
        return SandboxResponse.json(.object(body), contentType: BusinessCentralRoutes.contentType)
            .adding(.eTag, record.etag)
    }

    /// `DELETE` a record with `If-Match`: 204 (a sales order takes its lines with it).
    static func delete(
        _ set: BusinessCentralEntitySet, index: Int, operation: BusinessCentralOperation,
        store: inout BusinessCentralStore, settings: SandboxBusinessCentral.Settings
    ) throws(ODataRequestError) -> SandboxResponse {
        guard let record = store.tables[set.name]?[index] else { throw .notFound("The record does not exist.") }
        try checkConcurrency(operation, record: record, settings: settings)
        store.tables[set.name]?.remove(at: index)
        if set.name == "salesOrders", let id = record.fields["id"] {
            store.tables["salesOrderLines"]?.removeAll { $0.fields["documentId"] == id }
        }
        return .empty(status: 204)
    }

    /// Refuses a write without `If-Match`, or with an ETag that is not the record's current one.
    private static func checkConcurrency(
        _ operation: BusinessCentralOperation, record: BusinessCentralStore.Record,
        settings: SandboxBusinessCentral.Settings
    ) throws(ODataRequestError) {
        guard let tag = operation.headers["if-match"]?.trimmingCharacters(in: .whitespaces), !tag.isEmpty else {
            throw ODataRequestError(
                status: settings.missingIfMatchStatus, code: "BadRequest_InvalidToken",
                message:
                    "Could not validate the client concurrency token required by the service. Please provide a "
                    + "valid token in the client request.")
        }
        guard tag == "*" || tag == record.etag else {
            throw ODataRequestError(
                status: settings.staleETagStatus, code: "Request_EntityChanged",
                message: "Another user has already changed the record.")
        }
    }

    /// The body as a JSON object.
    private static func body(of operation: BusinessCentralOperation) throws(ODataRequestError) -> SandboxJSONObject {
        guard let json = try? SandboxJSON.parse(operation.body), let object = json.objectValue else {
            throw .badRequest("The request body is not a valid JSON object.")
        }
        return object
    }

    /// Checks names, types, option values and text lengths the way Business Central refuses them.
    private static func validate(
        _ changes: SandboxJSONObject, for set: BusinessCentralEntitySet, allowingNavigations: Bool
    ) throws(ODataRequestError) {
        for (key, value) in changes.members where !key.hasPrefix("@") {
            if allowingNavigations, set.navigations.contains(key) {
                guard value.arrayValue != nil else { throw .badRequest("'\(key)' must be an array of records.") }
                continue
            }
            guard let blank = set.template[key] else { throw .unknownProperty(key, entity: set.entityType) }
            switch (blank, value) {
            case (_, .null), (.null, _), (.string, .string), (.number, .number), (.bool, .bool): break
            default:
                throw .badRequest(
                    "Cannot convert the value of '\(key)' to the type of the property on "
                        + "'Microsoft.NAV.\(set.entityType)'."
                )
            }
            if let allowed = set.options[key], let text = value.stringValue, !allowed.contains(text) {
                throw ODataRequestError(
                    status: 400, code: "Unknown",
                    message: "'\(text)' is not an option. The existing options are: \(allowed.joined(separator: ","))")
            }
            if let text = value.stringValue, text.count > maximumTextLength {
                throw ODataRequestError(
                    status: 400, code: "Application_StringExceededLength",
                    message:
                        "The length of the string is \(text.count), but it must be less than or equal to "
                        + "\(maximumTextLength) characters. Field: \(key)")
            }
        }
    }

    /// Deep insert: the lines of a sales order created with it.
    private static func insertLines(
        _ lines: [SandboxJSON], order: String, store: inout BusinessCentralStore, now: Date
    ) throws(ODataRequestError) {
        let set = BusinessCentralEntitySet.salesOrderLines
        for (position, line) in lines.enumerated() {
            guard let changes = line.objectValue else { throw .badRequest("A sales order line must be an object.") }
            try validate(changes, for: set, allowingNavigations: false)
            var fields = set.template
            for (key, value) in changes.members where !key.hasPrefix("@") { fields[key] = value }
            fields["id"] = .string(store.nextID())
            fields["documentId"] = .string(order)
            if (fields["sequence"]?.doubleValue ?? 0) == 0 { fields["sequence"] = .int((position + 1) * 10_000) }
            fields["lastModifiedDateTime"] = .string(timestamp(now))
            store.tables[set.name, default: []].append(
                BusinessCentralStore.Record(fields: fields, etag: store.nextETag()))
        }
    }

    /// `now` as Business Central writes `lastModifiedDateTime`.
    static func timestamp(_ now: Date) -> String {
        SandboxHTTPDate.iso8601(now)
    }
}
