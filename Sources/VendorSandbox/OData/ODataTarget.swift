/// What a Business Central API path (below `api/v2.0/`) addresses.
enum ODataTarget: Equatable {
    /// `companies`.
    case companies
    /// `companies({id})`.
    case company(String)
    /// `companies({id})/{set}`, or a navigation `…/{parentSet}({parentId})/{set}`.
    case collection(company: String, set: String, parent: Parent?)
    /// `companies({id})/{set}({id})`, or `…/{parentSet}({parentId})/{set}({id})`.
    case entity(company: String, set: String, id: String, parent: Parent?)
    /// A bound action: `companies({id})/{set}({id})/Microsoft.NAV.{name}`.
    case action(company: String, set: String, id: String, name: String)
    /// `$batch`.
    case batch

    /// The entity that owns a navigation.
    struct Parent: Equatable {
        let set: String
        let id: String
    }

    /// The route a request for this target belongs to (the entity set it reads or writes).
    var routeName: String {
        switch self {
        case .companies, .company: return "companies"
        case .collection(_, let set, _), .entity(_, let set, _, _), .action(_, let set, _, _): return set
        case .batch: return "batch"
        }
    }

    /// Reads `path` (decoded, relative to the API root).
    ///
    /// - Throws: ``ODataRequestError`` (404) for a path Business Central does not have.
    static func parse(_ path: String) throws(ODataRequestError) -> ODataTarget {
        let segments = try ODataTarget.segments(path)
        let notFound = ODataRequestError.notFound("Resource not found for the segment '\(path)'.")
        guard let first = segments.first else { throw notFound }
        if segments.count == 1, first.name == "$batch", first.key == nil { return .batch }
        guard first.name == "companies" else { throw notFound }
        guard let company = first.key else {
            guard segments.count == 1 else { throw notFound }
            return .companies
        }
        switch segments.count {
        case 1:
            return .company(company)
        case 2:
            let set = segments[1]
            guard let id = set.key else { return .collection(company: company, set: set.name, parent: nil) }
            return .entity(company: company, set: set.name, id: id, parent: nil)
        case 3:
            let owner = segments[1]
            let last = segments[2]
            guard let ownerId = owner.key else { throw notFound }
            if last.name.hasPrefix("Microsoft.NAV."), last.key == nil {
                return .action(
                    company: company, set: owner.name, id: ownerId, name: String(last.name.dropFirst(14)))
            }
            let parent = Parent(set: owner.name, id: ownerId)
            guard let id = last.key else { return .collection(company: company, set: last.name, parent: parent) }
            return .entity(company: company, set: last.name, id: id, parent: parent)
        default:
            throw notFound
        }
    }

    /// One path segment: a name and the key in parentheses, if any (quotes removed, `''` unescaped).
    struct Segment: Equatable {
        let name: String
        let key: String?
    }

    static func segments(_ path: String) throws(ODataRequestError) -> [Segment] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inQuotes = false
        for character in path {
            switch character {
            case "'": inQuotes.toggle()
            case "(" where !inQuotes: depth += 1
            case ")" where !inQuotes: depth -= 1
            case "/" where !inQuotes && depth == 0:
                if !current.isEmpty { parts.append(current) }
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current) }
        return try parts.map { (part: String) throws(ODataRequestError) -> Segment in
            guard let open = part.firstIndex(of: "(") else { return Segment(name: part, key: nil) }
            guard part.hasSuffix(")") else { throw .notFound("Resource not found for the segment '\(part)'.") }
            var key = String(part[part.index(after: open)..<part.index(before: part.endIndex)])
            if key.hasPrefix("'"), key.hasSuffix("'"), key.count >= 2 {
                key = String(key.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
            }
            return Segment(name: String(part[..<open]), key: key)
        }
    }
}
