/// The system query options of one request (`$filter`, `$select`, `$expand`, `$orderby`, `$top`,
/// `$skip`, `$count`, and the sandbox's own `$skiptoken`), read and checked.
struct ODataQueryOptions {
    var filter: ODataFilterExpression?
    var select: [String]?
    var expand: [String] = []
    var orderBy: [(field: String, descending: Bool)] = []
    var top: Int?
    var skip: Int?
    var count = false
    /// Where the next page starts in the filtered, ordered, skipped and topped result.
    var skipToken: Int?
    /// The options as received, `$skiptoken` left out, to carry into next links.
    var carried: [(name: String, value: String)] = []

    /// The options Business Central understands; any other `$` option is refused.
    static let known: Set<String> = [
        "$filter", "$select", "$expand", "$orderby", "$top", "$skip", "$count", "$skiptoken", "$schemaversion",
        "$format",
    ]

    /// Reads the options of `items`.
    ///
    /// - Throws: ``ODataRequestError`` (400) for an option that cannot be read.
    static func parse(_ items: [(name: String, value: String)]) throws(ODataRequestError) -> ODataQueryOptions {
        var options = ODataQueryOptions()
        for (name, value) in items {
            if name != "$skiptoken" { options.carried.append((name, value)) }
            guard name.hasPrefix("$") else { continue }
            guard known.contains(name) else { throw .badRequest("The query parameter '\(name)' is not supported.") }
            switch name {
            case "$filter": options.filter = try ODataFilterExpression.parse(value)
            case "$select": options.select = try list(value, option: name)
            case "$expand": options.expand = try list(value, option: name)
            case "$orderby": options.orderBy = try orderBy(value)
            case "$top": options.top = try count(value, option: name)
            case "$skip": options.skip = try count(value, option: name)
            case "$skiptoken": options.skipToken = try count(value, option: name)
            case "$count":
                guard value == "true" || value == "false" else {
                    throw .badRequest("'\(value)' is not a valid value for $count; use true or false.")
                }
                options.count = value == "true"
            default: break
            }
        }
        return options
    }

    private static func list(_ value: String, option: String) throws(ODataRequestError) -> [String] {
        let names = value.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !names.contains(where: \.isEmpty) else { throw .badRequest("\(option) holds an empty name.") }
        return names
    }

    private static func orderBy(_ value: String) throws(ODataRequestError) -> [(field: String, descending: Bool)] {
        try list(value, option: "$orderby").map { (item: String) throws(ODataRequestError) -> (String, Bool) in
            let parts = item.split(separator: " ", omittingEmptySubsequences: true)
            guard (1...2).contains(parts.count) else { throw .badRequest("'\(item)' is not a valid $orderby item.") }
            let direction = parts.count == 2 ? parts[1].lowercased() : "asc"
            guard direction == "asc" || direction == "desc" else {
                throw .badRequest("'\(parts[1])' is not a sort direction; use asc or desc.")
            }
            return (String(parts[0]), direction == "desc")
        }
    }

    private static func count(_ value: String, option: String) throws(ODataRequestError) -> Int {
        guard let number = Int(value), number >= 0 else {
            throw .badRequest("'\(value)' is not a valid value for \(option); it must be a non-negative integer.")
        }
        return number
    }
}
