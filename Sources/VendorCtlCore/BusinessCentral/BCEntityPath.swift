import OdynKit

/// The path of an entity set or entity: `companies` on its own, anything else inside a company.
enum BCEntityPath {
    static func resolve(
        _ entity: String, id: String?, company: BCCompanyOption, connection: BCConnection
    ) async throws -> String {
        let key = id.map { BCPath.Key.id($0) }
        if entity == BCPath.companies { return BCPath.collection(entity, key: key) }
        return BCPath.entitySet(entity, company: try await connection.companyId(company), key: key)
    }
}
