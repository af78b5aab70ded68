import Foundation
import Synchronization

/// The emulated Flowerhub portal's state: the account, its sessions, and the asset's status.
///
/// A login issues an `Authentication` cookie and a `Refresh` cookie, each with its own lifetime on
/// the sandbox's clock. `GET /auth/refresh-token` with a live `Refresh` cookie issues a new pair and
/// retires the old refresh cookie (rotation). A request whose `Authentication` cookie is missing,
/// unknown or expired is answered with an empty 401, as the portal does.
///
/// ```swift
/// sandbox.flowerhub.setStatus("Disconnected", message: "InverterDongleNotFound")
/// sandbox.flowerhub.expireSessions()          // the next call gets a 401 and must refresh
/// ```
public final class SandboxFlowerhub: Sendable {
    /// Settings fixed when the sandbox starts.
    public struct Settings: Sendable {
        /// The account's user name (the fixture user's e-mail address by default).
        public var username: String
        /// The account's password.
        public var password: String
        /// How long an `Authentication` cookie lives (sandbox clock).
        public var authenticationLifetime: Duration
        /// How long a `Refresh` cookie lives (sandbox clock).
        public var refreshLifetime: Duration

        /// Creates settings; lifetimes are short by default (15 minutes and 1 day).
        public init(
            username: String = "kim.andersson@example.se",
            password: String = "correct-horse-battery",
            authenticationLifetime: Duration = .seconds(900),
            refreshLifetime: Duration = .seconds(86_400)
        ) {
            self.username = username
            self.password = password
            self.authenticationLifetime = authenticationLifetime
            self.refreshLifetime = refreshLifetime
        }
    }

    /// A pair of cookies just issued.
    struct IssuedSession: Sendable {
        let issuedAt: Date
        let authentication: String
        let refresh: String
        let authenticationExpiry: Date
        let refreshExpiry: Date
    }

    private struct State {
        var settings: Settings
        var authentication: [String: Date] = [:]
        var refresh: [String: Date] = [:]
        var issued: [String] = []
        var status: String
        var message: String?
    }

    private let state: Mutex<State>
    private let initial: Settings
    private let clock: SandboxClock

    /// The asset owner id the account acts for (the fixture's `user.assetOwnerId`).
    public let assetOwnerId: Int
    /// The owner's asset id (the fixture's `assetId`).
    public let assetId: Int

    init(settings: Settings, clock: SandboxClock) {
        self.initial = settings
        self.clock = clock
        self.assetOwnerId =
            SandboxFixtures.json("flowerhub/login.json")["user"]?["assetOwnerId"]?.doubleValue.map { Int($0) } ?? 40_123
        self.assetId =
            SandboxFixtures.json("flowerhub/with-asset-id.json")["assetId"]?.doubleValue.map { Int($0) } ?? 880_045
        let status = SandboxFixtures.json("flowerhub/asset.json")["flowerHubStatus"]
        self.state = Mutex(
            State(
                settings: settings, status: status?["status"]?.stringValue ?? "Connected",
                message: status?["message"]?.stringValue))
    }

    /// The settings in force.
    public var settings: Settings { state.withLock { $0.settings } }

    /// Changes the cookie lifetimes for sessions issued from now on.
    public func setLifetimes(authentication: Duration, refresh: Duration) {
        state.withLock {
            $0.settings.authenticationLifetime = authentication
            $0.settings.refreshLifetime = refresh
        }
    }

    /// Sets the asset's `flowerHubStatus` that `GET /asset/{id}` reports from now on.
    public func setStatus(_ status: String, message: String?) {
        state.withLock {
            $0.status = status
            $0.message = message
        }
    }

    /// The asset's current `flowerHubStatus`.
    public var status: (status: String, message: String?) { state.withLock { ($0.status, $0.message) } }

    /// Ends every `Authentication` cookie now; refresh cookies stay valid, so clients can refresh.
    public func expireSessions() {
        state.withLock { $0.authentication.removeAll() }
    }

    /// Ends every session, refresh cookies included: clients must log in again.
    public func revokeSessions() {
        state.withLock {
            $0.authentication.removeAll()
            $0.refresh.removeAll()
        }
    }

    /// Every cookie value the sandbox issued since it started (or was reset), for leak checks.
    public var issuedSecrets: [String] { state.withLock { $0.issued } }

    /// A new session when `username` and `password` are the account's; `nil` otherwise.
    func login(username: String, password: String) -> IssuedSession? {
        state.withLock { state in
            guard username == state.settings.username, password == state.settings.password else { return nil }
            return issue(&state)
        }
    }

    /// A new session in exchange for a live refresh cookie, which is retired; `nil` when it is not live.
    func refresh(_ token: String) -> IssuedSession? {
        let now = clock.now
        return state.withLock { state in
            guard let expiry = state.refresh[token], expiry > now else { return nil }
            state.refresh[token] = nil
            return issue(&state)
        }
    }

    /// Whether `token` is a live `Authentication` cookie.
    func isAuthenticated(_ token: String?) -> Bool {
        guard let token else { return false }
        let now = clock.now
        return state.withLock { ($0.authentication[token]).map { $0 > now } ?? false }
    }

    /// Back to the settings and status the sandbox started with, without sessions.
    func reset() {
        let status = SandboxFixtures.json("flowerhub/asset.json")["flowerHubStatus"]
        state.withLock {
            $0 = State(
                settings: initial, status: status?["status"]?.stringValue ?? "Connected",
                message: status?["message"]?.stringValue)
        }
    }

    private func issue(_ state: inout State) -> IssuedSession {
        let now = clock.now
        let authenticationExpiry = now.addingTimeInterval(Self.seconds(state.settings.authenticationLifetime))
        let refreshExpiry = now.addingTimeInterval(Self.seconds(state.settings.refreshLifetime))
        let subject = String(assetOwnerId)
        let session = IssuedSession(
            issuedAt: now,
            authentication: SandboxTokens.jwt(
                subject: subject, purpose: "authentication", issuedAt: now, expiresAt: authenticationExpiry),
            refresh: SandboxTokens.jwt(subject: subject, purpose: "refresh", issuedAt: now, expiresAt: refreshExpiry),
            authenticationExpiry: authenticationExpiry, refreshExpiry: refreshExpiry)
        state.authentication[session.authentication] = authenticationExpiry
        state.refresh[session.refresh] = refreshExpiry
        state.issued += [session.authentication, session.refresh]
        return session
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
