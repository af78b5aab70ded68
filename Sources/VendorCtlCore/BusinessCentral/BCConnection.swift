import AuthCore
import Foundation
import OdynKit

/// A Business Central client for one run of the tool.
struct BCConnection: Sendable {
    let client: OdynClient
    let context: VendorCtlContext

    /// Builds the client from the options and the environment.
    ///
    /// Credentials, in this order: client credentials (`--client-id` or `BC_CLIENT_ID`, with
    /// `BC_CLIENT_SECRET` or a prompt), a bearer token (`BC_TOKEN`), basic authentication
    /// (`BC_USERNAME` with `BC_WEB_SERVICE_KEY` or a prompt).
    static func make(
        _ options: BCOptions, context: VendorCtlContext, pagination: ODataPagination = ODataPagination()
    ) async throws -> BCConnection {
        let environment = context.environment
        let tenant = options.tenant ?? environment["BC_TENANT"].flatMap { $0.isEmpty ? nil : $0 }
        let baseURL: String
        if let explicit = options.baseURL ?? environment["BC_BASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            baseURL = try BaseURLOption.parse(explicit).absoluteString
        } else {
            let name = options.environment ?? environment["BC_ENVIRONMENT"].flatMap { $0.isEmpty ? nil : $0 }
            baseURL = BCEnvironment(tenantId: tenant, environment: name ?? "Production").serviceRoot()
        }
        let session = try await session(options, tenant: tenant, context: context)
        var configuration = OdynClient.Configuration(baseURL: baseURL, session: session)
        configuration.pagination = pagination
        configuration.timeSource = context.timeSource
        return BCConnection(
            client: try OdynClient(configuration: configuration, transport: context.transport), context: context)
    }

    private static func session(_ options: BCOptions, tenant: String?, context: VendorCtlContext) async throws
        -> OdynSession
    {
        let environment = context.environment
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let clientId = options.clientId ?? variable("BC_CLIENT_ID") {
            guard let tenant else {
                throw CommandFailure.usage(
                    "--client-id needs --tenant (or BC_TENANT): the token comes from that tenant's Entra ID")
            }
            let provider = try await BCTokenCache.provider(
                tenant: tenant, clientId: clientId,
                authorityHost: options.authorityHost ?? variable("BC_AUTHORITY_HOST"),
                directory: try options.output.directory(context), context: context)
            return .tokenProvider(provider)
        }
        if let token = variable("BC_TOKEN") {
            return try .bearer(Secret(token))
        }
        if let username = variable("BC_USERNAME") {
            let key = try SecretInput.read(
                variable: "BC_WEB_SERVICE_KEY", prompt: "Web service access key for \(username): ", context: context)
            return try .basic(username: username, password: key)
        }
        throw CommandFailure.authentication(
            "no Business Central credentials: pass --client-id and --tenant (secret in BC_CLIENT_SECRET or "
                + "prompted), or set BC_TOKEN, or BC_USERNAME and BC_WEB_SERVICE_KEY")
    }

    /// The id of `--company` (or `BC_COMPANY`): used as it is when it is a GUID, else looked up by name.
    func companyId(_ option: BCCompanyOption) async throws -> String {
        guard let value = option.company ?? context.environment["BC_COMPANY"], !value.isEmpty else {
            throw CommandFailure.usage("--company is required (an id or a name; see 'vendorctl bc companies')")
        }
        if Self.isGUID(value) { return value }
        guard let company = try await client.company(named: value), let id = company.id else {
            throw CommandFailure(.refused, "no company is named '\(value)' (see 'vendorctl bc companies')")
        }
        return id
    }

    /// `8-4-4-4-12` hexadecimal digits, optionally in braces.
    static func isGUID(_ text: String) -> Bool {
        var core = Substring(text)
        if core.hasPrefix("{") && core.hasSuffix("}") { core = core.dropFirst().dropLast() }
        let groups = core.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
