import AuthCore
import AuthCoreAsyncHTTPClient
import FlowerhubKit
import Foundation
import Logging
import OdynKit
import Testing
import VendorSandbox

/// Starts a sandbox, runs `body` with it and stops it, also when `body` throws.
func withSandbox<T: Sendable>(
    _ configuration: VendorSandbox.Configuration = VendorSandbox.Configuration(),
    _ body: (VendorSandbox) async throws -> T
) async throws -> T {
    let sandbox = try await VendorSandbox.start(configuration: configuration)
    do {
        let value = try await body(sandbox)
        await sandbox.stop()
        return value
    } catch {
        await sandbox.stop()
        throw error
    }
}

/// The real transports the flows run over: each one's process-wide instance.
enum SandboxTransport: String, Sendable, CaseIterable, CustomTestStringConvertible {
    /// Foundation's URLSession (FoundationNetworking and libcurl on Linux).
    case urlSession = "URLSession"
    /// AsyncHTTPClient, on SwiftNIO.
    case asyncHTTPClient = "AsyncHTTPClient"

    /// The shared transport.
    var transport: any HTTPTransport {
        switch self {
        case .urlSession: return URLSessionTransport.shared
        case .asyncHTTPClient: return AsyncHTTPClientTransport.shared
        }
    }

    var testDescription: String { rawValue }
}

/// Clients of the real kits, over a real transport, pointed at a sandbox.
enum SandboxClients {
    /// A Flowerhub client for `sandbox`, with compressed backoff waits.
    static func flowerhub(
        _ sandbox: VendorSandbox, over transport: SandboxTransport = .urlSession,
        time: FastTimeSource = FastTimeSource(),
        timeout: Duration = .seconds(5), logger: Logger? = nil
    ) throws -> FlowerhubClient {
        var configuration = FlowerhubClient.Configuration(baseURL: sandbox.flowerhubBaseURL)
        configuration.requestTimeout = timeout
        configuration.timeSource = time
        configuration.random = .seeded(7)
        return try FlowerhubClient(configuration: configuration, transport: transport.transport, logger: logger)
    }

    /// Logs `client` in with the sandbox's account.
    static func login(_ client: FlowerhubClient, _ sandbox: VendorSandbox) async throws {
        let settings = sandbox.flowerhub.settings
        try await client.login(username: settings.username, password: Secret(settings.password))
    }

    /// Entra client credentials for the sandbox's tenant and application (`secret` overrides the secret).
    static func credentials(_ sandbox: VendorSandbox, secret: String? = nil, tenant: String? = nil) throws
        -> EntraClientCredentials
    {
        let settings = sandbox.entra.settings
        return try EntraClientCredentials(
            tenantId: tenant ?? settings.tenantId, clientId: settings.clientId,
            clientSecret: Secret(secret ?? settings.clientSecret),
            authorityHost: sandbox.entraAuthorityURL.absoluteString)
    }

    /// An OdynKit client with client credentials against the sandbox, `retries` retries with
    /// compressed backoff, and a per-attempt time limit.
    static func odyn(
        _ sandbox: VendorSandbox, over transport: SandboxTransport = .urlSession,
        credentials: EntraClientCredentials? = nil, time: FastTimeSource = FastTimeSource(), retries: Int = 2,
        timeout: Duration = .seconds(5), logger: Logger? = nil
    ) throws -> OdynClient {
        var configuration = OdynClient.Configuration(
            baseURL: sandbox.businessCentralBaseURL.absoluteString,
            session: .clientCredentials(try credentials ?? self.credentials(sandbox)))
        configuration.retry = try OdynRetrySettings(retries: retries, backoffFactor: 0.5)
        configuration.timeout = timeout
        configuration.timeSource = time
        configuration.random = .seeded(7)
        return try OdynClient(configuration: configuration, transport: transport.transport, logger: logger)
    }
}

/// Runs `body` and returns the error it threw, or `nil`.
func thrownError<T>(_ body: () async throws -> T) async -> (any Error)? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}
