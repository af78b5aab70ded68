import Foundation

/// Business Central's data as a value: the company, every entity set's records with their ETags.
///
/// A value type on purpose: a transactional `$batch` runs on a copy and keeps it only when every
/// operation succeeded, which is how the sandbox rolls back.
struct BusinessCentralStore: Sendable {
    /// A record and its current ETag.
    struct Record: Sendable {
        var fields: SandboxJSONObject
        var etag: String
    }

    /// The company (from `Fixtures/odyn/companies.json`).
    let company: SandboxJSONObject
    /// The company's id.
    let companyId: String
    /// Each set's records, in order.
    var tables: [String: [Record]]
    /// Counts every write, so every write gets a new ETag.
    private var version: UInt64
    /// New ids for created records, from the data set's seed.
    private var generator: SandboxSeededGenerator
    /// The next number per set for created records.
    private var nextNumber: [String: Int]

    init(dataSet: BusinessCentralDataSet, seed: UInt64) {
        let company = SandboxFixtures.json("odyn/companies.json")["value"]?.arrayValue?.first?.objectValue
        self.company = company ?? SandboxJSONObject([("id", .string("9c4f2e10-0000-4a1b-8c3d-00000000c0de"))])
        self.companyId = self.company["id"]?.stringValue ?? "9c4f2e10-0000-4a1b-8c3d-00000000c0de"
        self.version = 44_123_456_789_000 + seed % 1_000_000
        self.generator = SandboxSeededGenerator(seed: seed ^ 0x5EED_C0FF_EE00_0001)
        self.tables = [:]
        self.nextNumber = [:]
        for (name, records) in dataSet.tables {
            tables[name] = records.map { Record(fields: $0, etag: nextETag()) }
            nextNumber[name] = records.count + 1
        }
    }

    /// A new weak ETag in Business Central's form: `W/"<base64 of '<length>;<version>;00;'>"`.
    mutating func nextETag() -> String {
        version += 1
        let digits = String(version)
        let inner = "'\(digits.count);\(digits);00;'"
        return "W/\"\(Data(inner.utf8).base64EncodedString())\""
    }

    /// A new id for a created record.
    mutating func nextID() -> String {
        generator.guid()
    }

    /// The next number for a created record of `set`.
    mutating func nextNumber(for set: BusinessCentralEntitySet) -> String? {
        guard let prefix = set.numberPrefix else { return nil }
        let count = nextNumber[set.name] ?? 1
        nextNumber[set.name] = count + 1
        if set.name == "items" { return String(1000 + count - 1) }
        if set.name == "salesOrders" { return "S-ORD\(101_000 + count)" }
        return BusinessCentralDataSet.number(prefix, count * 10)
    }

    /// Where the record with `id` is in `set`.
    func index(of id: String, in set: String) -> Int? {
        let wanted = id.lowercased()
        return tables[set]?.firstIndex { $0.fields["id"]?.stringValue?.lowercased() == wanted }
    }
}
