import Foundation
import HTTPTypes

/// One request to Business Central's API, arriving on the wire or inside a `$batch`.
struct BusinessCentralOperation: Sendable {
    /// The method, upper case.
    let method: String
    /// The path below the API root, decoded (`companies(…)/customers`).
    let path: String
    /// The query's pairs, decoded.
    let query: [(name: String, value: String)]
    /// Header fields with lower-case names.
    let headers: [String: String]
    /// The body.
    let body: Data
    /// The API root, absolute and ending with `/`.
    let serviceRoot: String
}

/// What Business Central does with an operation: reads with OData queries and paging, writes with
/// ETags, bound actions. Runs on a store value so a `$batch` can run on a copy.
enum BusinessCentralAPI {
    /// The answer to `operation`, applied to `store`.
    static func execute(
        _ operation: BusinessCentralOperation, store: inout BusinessCentralStore,
        settings: SandboxBusinessCentral.Settings, now: Date
    ) -> SandboxResponse {
        do {
            return try run(operation, store: &store, settings: settings, now: now)
        } catch {
            return BusinessCentralRoutes.error(error)
        }
    }

    private static func run(
        _ operation: BusinessCentralOperation, store: inout BusinessCentralStore,
        settings: SandboxBusinessCentral.Settings, now: Date
    ) throws(ODataRequestError) -> SandboxResponse {
        let target = try ODataTarget.parse(operation.path)
        let method = operation.method
        let notAllowed = ODataRequestError(
            status: 405, code: "BadRequest_MethodNotAllowed",
            message: "'\(method)' requests for '\(target.routeName)' are not allowed within Dynamics 365 Business "
                + "Central OData web services.")
        switch target {
        case .batch:
            throw .badRequest("A $batch cannot be nested in a $batch.")
        case .companies:
            guard method == "GET" else { throw notAllowed }
            let records = [BusinessCentralStore.Record(fields: store.company, etag: "")]
            return try list(
                records, fields: Set(store.company.keys), entityType: "company", navigations: [],
                context: "companies", operation: operation, settings: settings, store: store)
        case .company(let id):
            guard method == "GET" else { throw notAllowed }
            guard id.lowercased() == store.companyId.lowercased() else { throw companyNotFound(id) }
            var body = SandboxJSONObject([
                ("@odata.context", .string("\(operation.serviceRoot)$metadata#companies/$entity"))
            ])
            for (key, value) in store.company.members { body[key] = value }
            return .json(.object(body), contentType: BusinessCentralRoutes.contentType)
        case .collection(let company, let setName, let parent):
            let set = try entitySet(setName, company: company, parent: parent, store: store)
            switch method {
            case "GET":
                let records = (store.tables[set.name] ?? []).filter { record in
                    parent.map { record.fields["documentId"]?.stringValue?.lowercased() == $0.id.lowercased() } ?? true
                }
                return try list(
                    records, fields: set.fields, entityType: set.entityType, navigations: set.navigations,
                    context: contextPath(company: company, set: set.name, parent: parent), operation: operation,
                    settings: settings, store: store)
            case "POST":
                return try create(
                    set, company: company, parent: parent, operation: operation, store: &store, now: now)
            default:
                throw notAllowed
            }
        case .entity(let company, let setName, let id, let parent):
            let set = try entitySet(setName, company: company, parent: parent, store: store)
            guard let index = store.index(of: id, in: set.name),
                parent == nil
                    || store.tables[set.name]?[index].fields["documentId"]?.stringValue?.lowercased()
                        == parent?.id.lowercased()
            else {
                throw .notFound("The \(set.entityType) with id '\(id)' does not exist.")
            }
            let context = contextPath(company: company, set: set.name, parent: parent) + "/$entity"
            switch method {
            case "GET":
                let options = try ODataQueryOptions.parse(operation.query)
                try check(options, fields: set.fields, navigations: set.navigations, entityType: set.entityType)
                guard let record = store.tables[set.name]?[index] else { throw .notFound("The record does not exist.") }
                return entity(record, set: set, options: options, context: context, operation: operation, store: store)
            case "PATCH":
                return try update(
                    set, index: index, context: context, operation: operation, store: &store, settings: settings,
                    now: now)
            case "DELETE":
                return try delete(set, index: index, operation: operation, store: &store, settings: settings)
            default:
                throw notAllowed
            }
        case .action(let company, let setName, let id, _):
            guard method == "POST" else { throw notAllowed }
            let set = try entitySet(setName, company: company, parent: nil, store: store)
            guard set.name == "salesOrders" else { throw .notFound("The action is not bound to \(set.name).") }
            guard store.index(of: id, in: set.name) != nil else {
                throw .notFound("The salesOrder with id '\(id)' does not exist.")
            }
            return .empty(status: 204)
        }
    }

    private static func companyNotFound(_ id: String) -> ODataRequestError {
        ODataRequestError(status: 404, code: "Internal_CompanyNotFound", message: "The company '\(id)' does not exist.")
    }

    /// The entity set of a collection path, checked against the company and the navigation it hangs from.
    private static func entitySet(
        _ name: String, company: String, parent: ODataTarget.Parent?, store: BusinessCentralStore
    ) throws(ODataRequestError) -> BusinessCentralEntitySet {
        guard company.lowercased() == store.companyId.lowercased() else { throw companyNotFound(company) }
        guard let set = BusinessCentralEntitySet.all[name] else {
            throw .notFound("Resource not found for the segment '\(name)'.")
        }
        if let parent {
            guard parent.set == "salesOrders", set.name == "salesOrderLines" else {
                throw .notFound("Resource not found for the segment '\(name)'.")
            }
            guard store.index(of: parent.id, in: parent.set) != nil else {
                throw .notFound("The salesOrder with id '\(parent.id)' does not exist.")
            }
        }
        return set
    }

    /// `companies({id})/{set}` or `companies({id})/{parent}({id})/{set}`, for `@odata.context`.
    static func contextPath(company: String, set: String, parent: ODataTarget.Parent?) -> String {
        let owner = parent.map { "/\($0.set)(\($0.id))" } ?? ""
        return "companies(\(company))\(owner)/\(set)"
    }

    /// Checks that the options name only fields and navigations the entity has.
    static func check(
        _ options: ODataQueryOptions, fields: Set<String>, navigations: [String], entityType: String
    ) throws(ODataRequestError) {
        let named =
            (options.filter?.properties ?? []).map { String($0.split(separator: "/").first ?? "") }
            + (options.select ?? []) + options.orderBy.map(\.field)
        if let unknown = named.first(where: { !fields.contains($0) }) {
            throw .unknownProperty(unknown, entity: entityType)
        }
        if let unknown = options.expand.first(where: { !navigations.contains($0) }) {
            throw .badRequest(
                "Could not find a navigation property named '\(unknown)' on 'Microsoft.NAV.\(entityType)'.")
        }
    }

    /// A record as the API shows it: `@odata.etag`, the selected fields, expanded navigations.
    static func render(
        _ record: BusinessCentralStore.Record, options: ODataQueryOptions, store: BusinessCentralStore
    ) -> SandboxJSONObject {
        var object = SandboxJSONObject()
        if !record.etag.isEmpty { object["@odata.etag"] = .string(record.etag) }
        if let select = options.select {
            for field in select { object[field] = record.fields[field] ?? .null }
        } else {
            for (key, value) in record.fields.members { object[key] = value }
        }
        if options.expand.contains("salesOrderLines"), let id = record.fields["id"]?.stringValue?.lowercased() {
            let lines = (store.tables["salesOrderLines"] ?? []).filter {
                $0.fields["documentId"]?.stringValue?.lowercased() == id
            }
            object["salesOrderLines"] = .array(
                lines.map { .object(render($0, options: ODataQueryOptions(), store: store)) })
        }
        return object
    }

    private static func entity(
        _ record: BusinessCentralStore.Record, set: BusinessCentralEntitySet, options: ODataQueryOptions,
        context: String, operation: BusinessCentralOperation, store: BusinessCentralStore
    ) -> SandboxResponse {
        var body = SandboxJSONObject([("@odata.context", .string("\(operation.serviceRoot)$metadata#\(context)"))])
        for (key, value) in render(record, options: options, store: store).members { body[key] = value }
        return SandboxResponse.json(.object(body), contentType: BusinessCentralRoutes.contentType)
            .adding(.eTag, record.etag)
    }
}
