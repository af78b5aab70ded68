import Foundation
import HTTPTypes

extension BusinessCentralAPI {
    /// One page of a collection: filtered, ordered, skipped and topped, then cut to the page size
    /// (`Prefer: odata.maxpagesize`, at most the server's), with `@odata.count` when asked and
    /// `@odata.nextLink` while records remain.
    static func list(
        _ records: [BusinessCentralStore.Record], fields: Set<String>, entityType: String, navigations: [String],
        context: String, operation: BusinessCentralOperation, settings: SandboxBusinessCentral.Settings,
        store: BusinessCentralStore
    ) throws(ODataRequestError) -> SandboxResponse {
        let options = try ODataQueryOptions.parse(operation.query)
        try check(options, fields: fields, navigations: navigations, entityType: entityType)
        var selected: [BusinessCentralStore.Record] = []
        selected.reserveCapacity(records.count)
        for record in records {
            if let filter = options.filter, try !filter.matches(record.fields) { continue }
            selected.append(record)
        }
        if !options.orderBy.isEmpty { selected = sorted(selected, by: options.orderBy) }
        let total = selected.count
        var result = ArraySlice(selected)
        if let skip = options.skip { result = result.dropFirst(skip) }
        if let top = options.top { result = result.prefix(top) }
        let requested = preferredPageSize(operation.headers["prefer"])
        let pageSize = max(1, min(requested ?? settings.maxPageSize, settings.maxPageSize))
        let start = min(options.skipToken ?? 0, result.count)
        let page = result.dropFirst(start).prefix(pageSize)
        var body = SandboxJSONObject()
        let selection = options.select.map { "(\($0.joined(separator: ",")))" } ?? ""
        body["@odata.context"] = .string("\(operation.serviceRoot)$metadata#\(context)\(selection)")
        if options.count { body["@odata.count"] = .int(total) }
        body["value"] = .array(page.map { .object(render($0, options: options, store: store)) })
        if start + pageSize < result.count {
            body["@odata.nextLink"] = .string(
                nextLink(operation, options: options, offset: start + pageSize, style: settings.nextLinkStyle))
        }
        var response = SandboxResponse.json(.object(body), contentType: BusinessCentralRoutes.contentType)
        if let requested { response.headers[HTTPField.Name("Preference-Applied")!] = "odata.maxpagesize=\(requested)" }
        response.headers[HTTPField.Name("OData-Version")!] = "4.0"
        return response
    }

    /// The page size a `Prefer` header asks for, if it asks for one.
    static func preferredPageSize(_ header: String?) -> Int? {
        guard let header else { return nil }
        for preference in header.split(separator: ",") {
            let parts = preference.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].lowercased() == "odata.maxpagesize", let size = Int(parts[1]), size > 0 {
                return size
            }
        }
        return nil
    }

    /// Records ordered by the fields given (a stable sort; `null` first).
    static func sorted(
        _ records: [BusinessCentralStore.Record], by order: [(field: String, descending: Bool)]
    ) -> [BusinessCentralStore.Record] {
        records.enumerated().sorted { lhs, rhs in
            for (field, descending) in order {
                let left = ODataFilterValue(lhs.element.fields[field])
                let right = ODataFilterValue(rhs.element.fields[field])
                let result: ComparisonResult
                switch (left, right) {
                case (.null, .null): result = .orderedSame
                case (.null, _): result = .orderedAscending
                case (_, .null): result = .orderedDescending
                default: result = (try? ODataFilterExpression.ordering(left, right)) ?? .orderedSame
                }
                if result != .orderedSame { return (result == .orderedAscending) != descending }
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The link to the page starting at `offset`: the same path and options, and `$skiptoken`.
    static func nextLink(
        _ operation: BusinessCentralOperation, options: ODataQueryOptions, offset: Int,
        style: SandboxBusinessCentral.NextLinkStyle
    ) -> String {
        let pairs = options.carried + [("$skiptoken", String(offset))]
        let query = pairs.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
        switch style {
        case .absolute:
            return operation.serviceRoot + encode(operation.path, keepingSlashes: true) + "?" + query
        case .relative:
            let last = operation.path.split(separator: "/").last.map(String.init) ?? operation.path
            return encode(last, keepingSlashes: false) + "?" + query
        }
    }

    /// Percent-encodes for a URL, keeping what OData keeps readable (`$ ( ) ' , : @ ! * ;`, and `/`
    /// in paths); a space is `%20`, and `& = + # ?` are escaped.
    static func encode(_ text: String, keepingSlashes: Bool = false) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        allowed.insert(charactersIn: "$()',:@!*;")
        if keepingSlashes { allowed.insert("/") }
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
