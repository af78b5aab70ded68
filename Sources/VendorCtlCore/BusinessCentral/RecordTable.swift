import AuthCore
import OdynKit

/// Tables of dynamic OData records.
enum RecordTable {
    /// Fields shown first, in this order, when present.
    static let preferred = ["id", "number", "code", "no", "displayName", "name", "description"]
    /// Columns shown without `--select` (use `--select` or `--json` for more).
    static let maximumColumns = 8

    /// The columns of a list: the `--select` fields as given, else the first record's plain
    /// fields (preferred ones first, then by name), without OData annotations.
    static func columns(selected: [String]?, first: ODataRecord?) -> [String] {
        if let selected, !selected.isEmpty { return selected }
        guard let first else { return [] }
        let plain = first.filter { key, value in
            guard !key.hasPrefix("@"), !key.contains("@odata.") else { return false }
            switch value {
            case .array, .object: return false
            default: return true
            }
        }
        return Array(ordered(Array(plain.keys)).prefix(maximumColumns))
    }

    static func render(_ records: [ODataRecord], columns: [String]) -> String {
        guard !columns.isEmpty else { return records.isEmpty ? "(no records)\n" : "" }
        var table = TextTable(columns.map { TextTable.Column($0) })
        for record in records { table.append(columns.map { Cell.json(record[$0]) }) }
        return table.rendered
    }

    /// One record as a field list, the ETag first (an update needs it).
    static func render(_ record: ODataRecord) -> String {
        var list = FieldList()
        if let etag = record["@odata.etag"] { list.add("@odata.etag", Cell.json(etag)) }
        for key in ordered(record.keys.filter { !$0.hasPrefix("@") }) { list.add(key, Cell.json(record[key])) }
        return list.rendered
    }

    static func ordered(_ keys: [String]) -> [String] {
        let first = preferred.filter(keys.contains)
        return first + keys.filter { !preferred.contains($0) }.sorted()
    }
}
