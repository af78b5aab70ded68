import Foundation
import HTTPTypes

/// Authentication by session cookies: a login sets them, a refresh request renews them.
///
/// The cookies themselves live in the client's ``CookieJar`` (set
/// ``APIClient/Configuration/cookieJar``), which sends them with every request, login and
/// refresh included. This authenticator handles the 401: it runs the refresh once for all
/// concurrent callers, skips it when the session cookies got a new value since the rejected
/// request was sent (someone else refreshed), and guards against refresh loops.
///
/// Name the session cookies (`sessionCookieNames`) so that other cookies do not count: a load
/// balancer's stickiness cookie set by the 401 itself must not pass for a renewed session. Cookies
/// set or deleted by a 401 never count either (see ``CookieJar/sessionVersion(cookieNames:)``).
///
/// The session sends the vendor's refresh endpoint itself, through the client's
/// ``RecoveryChannel`` (the jar, error mapping and transport; not the concurrency limit, which
/// the rejected call already holds). The endpoint's decoding reads what the kit needs from the
/// answer. A refresh refused with 401 or 403 (or one that requires reauthentication) ends the call
/// with `reauthenticationRequired`; any other failure (5xx, 429, time-out, network) is passed on
/// with its transient kind, and the rejected request is not retried.
public actor CookieSession: APIAuthenticator {
    private let jar: CookieJar
    private let sessionCookieNames: Set<String>
    private let refreshWindow: RefreshWindow?
    private let timeSource: any TimeSource
    private let refresh: Endpoint<Void>
    private var inflight: Task<Void, any Error>?
    private var refreshHistory: [Date] = []

    /// Creates a session.
    /// - Parameters:
    ///   - jar: The jar of the client this session authenticates.
    ///   - sessionCookieNames: The cookies that carry the session (for example `Authentication`
    ///     and `Refresh`); empty means every cookie counts.
    ///   - refreshWindow: Bounds how often the session refreshes; `nil` for no bound.
    ///   - timeSource: The clock for the refresh window.
    ///   - refresh: The vendor's refresh request; its decoding reads what the kit needs from the
    ///     answer (for example an account id).
    public init(
        jar: CookieJar,
        sessionCookieNames: Set<String> = [],
        refreshWindow: RefreshWindow? = RefreshWindow(),
        timeSource: any TimeSource = SystemTimeSource(),
        refresh: Endpoint<Void>
    ) {
        self.jar = jar
        self.sessionCookieNames = sessionCookieNames
        self.refreshWindow = refreshWindow
        self.timeSource = timeSource
        self.refresh = refresh
    }

    /// Cookies are added by the jar; this only records which session cookie values the request used.
    public func authenticate(_ request: inout HTTPRequest) async throws -> CredentialVersion {
        if let inflight { try await inflight.value }
        return CredentialVersion(jar.sessionVersion(cookieNames: sessionCookieNames))
    }

    /// Refreshes the cookies once for everyone, unless the session cookies got a new value since `version`.
    public func recover(
        fromRejectionOf version: CredentialVersion,
        error: APIError,
        channel: RecoveryChannel
    ) async throws -> Bool {
        if let inflight {
            try await inflight.value
            return true
        }
        if jar.sessionVersion(cookieNames: sessionCookieNames) > version.rawValue { return true }
        if let refreshWindow { try refreshWindow.admit(at: timeSource.now, history: &refreshHistory) }
        let task = Task { try await self.runRefresh(channel) }
        inflight = task
        try await task.value
        return true
    }

    private func runRefresh(_ channel: RecoveryChannel) async throws {
        defer { inflight = nil }
        do {
            try await channel.send(refresh)
        } catch let failure as APIError
            where failure.requiresReauthentication || failure.status == 401 || failure.status == 403
        {
            throw failure.recast(.reauthenticationRequired, "the session could not be refreshed; log in again")
        }
    }
}
