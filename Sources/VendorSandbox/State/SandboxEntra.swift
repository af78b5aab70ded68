import Foundation
import Synchronization

/// The emulated Microsoft Entra ID tenant: one registered application and the access tokens it
/// was issued, each with an expiry on the sandbox's clock.
///
/// Business Central's routes accept a bearer token only while it is live here, so moving the
/// clock past a token's lifetime (or ``expireTokens()``) makes the next Business Central call a 401.
///
/// ```swift
/// sandbox.clock.advance(by: .seconds(3600))     // or: sandbox.entra.expireTokens()
/// ```
public final class SandboxEntra: Sendable {
    /// Settings fixed when the sandbox starts.
    public struct Settings: Sendable {
        /// The tenant (directory) id; another tenant in the token URL is `AADSTS90002`.
        public var tenantId: String
        /// The registered application's client id.
        public var clientId: String
        /// The application's client secret; another one is `invalid_client` (`AADSTS7000215`).
        public var clientSecret: String
        /// The scopes the application may ask for.
        public var scopes: [String]
        /// How long an access token lives (its `expires_in`), on the sandbox's clock.
        public var tokenLifetime: Duration

        /// Creates settings with Business Central's scope and Entra ID's usual lifetime of 3599 s.
        public init(
            tenantId: String = "11111111-2222-3333-4444-555555555555",
            clientId: String = "0a7c5e1d-0000-4000-8000-00000000c11e",
            clientSecret: String = "sandbox-client-secret",
            scopes: [String] = ["https://api.businesscentral.dynamics.com/.default"],
            tokenLifetime: Duration = .seconds(3599)
        ) {
            self.tenantId = tenantId
            self.clientId = clientId
            self.clientSecret = clientSecret
            self.scopes = scopes
            self.tokenLifetime = tokenLifetime
        }
    }

    /// Why a token request is refused, in Entra ID's terms.
    struct Refusal: Error, Sendable, Equatable {
        let status: Int
        let error: String
        let code: Int
        let description: String
    }

    /// A token just issued.
    struct IssuedToken: Sendable {
        let accessToken: String
        let lifetime: Int
    }

    private struct State {
        var settings: Settings
        var tokens: [String: Date] = [:]
        var issued: [String] = []
    }

    private let state: Mutex<State>
    private let initial: Settings
    private let clock: SandboxClock

    init(settings: Settings, clock: SandboxClock) {
        self.initial = settings
        self.clock = clock
        self.state = Mutex(State(settings: settings))
    }

    /// The settings in force.
    public var settings: Settings { state.withLock { $0.settings } }

    /// Changes the lifetime of tokens issued from now on.
    public func setTokenLifetime(_ lifetime: Duration) {
        state.withLock { $0.settings.tokenLifetime = lifetime }
    }

    /// Ends every token issued so far: the next Business Central call with one is a 401.
    public func expireTokens() {
        state.withLock { $0.tokens.removeAll() }
    }

    /// Every access token issued since the sandbox started (or was reset), for leak checks.
    public var issuedTokens: [String] { state.withLock { $0.issued } }

    /// A token for a `client_credentials` request, or Entra ID's refusal.
    func issue(
        tenant: String, grantType: String?, clientId: String?, clientSecret: String?, scope: String?
    ) -> Result<IssuedToken, Refusal> {
        let now = clock.now
        return state.withLock { state in
            let settings = state.settings
            guard tenant.lowercased() == settings.tenantId.lowercased() else {
                return .failure(
                    Refusal(
                        status: 400, error: "invalid_request", code: 90_002,
                        description:
                            "Tenant '\(tenant)' not found. Check to make sure you have the correct tenant ID and "
                            + "are signing into the correct cloud."))
            }
            guard let grantType else {
                return .failure(
                    Refusal(
                        status: 400, error: "invalid_request", code: 900_144,
                        description: "The request body must contain the following parameter: 'grant_type'."))
            }
            guard grantType == "client_credentials" else {
                return .failure(
                    Refusal(
                        status: 400, error: "unsupported_grant_type", code: 70_003,
                        description: "The app requested an unsupported grant type '\(grantType)'."))
            }
            guard let clientId, clientId == settings.clientId else {
                return .failure(
                    Refusal(
                        status: 400, error: "unauthorized_client", code: 700_016,
                        description:
                            "Application with identifier '\(clientId ?? "")' was not found in the directory "
                            + "'\(tenant)'."))
            }
            guard let clientSecret, !clientSecret.isEmpty else {
                return .failure(
                    Refusal(
                        status: 401, error: "invalid_client", code: 7_000_216,
                        description:
                            "'client_assertion', 'client_secret' or 'request' is required for the "
                            + "'client_credentials' grant type."))
            }
            guard clientSecret == settings.clientSecret else {
                return .failure(
                    Refusal(
                        status: 401, error: "invalid_client", code: 7_000_215,
                        description: "Invalid client secret provided."))
            }
            guard let scope, settings.scopes.contains(scope) else {
                return .failure(
                    Refusal(
                        status: 400, error: "invalid_scope", code: 1_002_012,
                        description: "The provided value for scope \(scope ?? "") is not valid."))
            }
            let lifetime = max(1, Int(SandboxFlowerhub.seconds(settings.tokenLifetime).rounded(.down)))
            let expiry = now.addingTimeInterval(TimeInterval(lifetime))
            let token = SandboxTokens.jwt(subject: clientId, purpose: "access", issuedAt: now, expiresAt: expiry)
            state.tokens[token] = expiry
            state.issued.append(token)
            return .success(IssuedToken(accessToken: token, lifetime: lifetime))
        }
    }

    /// Whether `token` is a live access token.
    func isLive(_ token: String?) -> Bool {
        guard let token else { return false }
        let now = clock.now
        return state.withLock { ($0.tokens[token]).map { $0 > now } ?? false }
    }

    /// Back to the settings the sandbox started with, without tokens.
    func reset() {
        state.withLock { $0 = State(settings: initial) }
    }
}
