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
/// The `refresh` function sends the vendor's refresh request (through a client that has the jar
/// but no authenticator). If it throws an error that requires reauthentication, the call fails
/// with `reauthenticationRequired`; any other error is passed on as it is.
///
/// - Warning: send the refresh through a client without the rejected client's
///   ``ConcurrencyLimiter``: the rejected call keeps its slot while it recovers, so with a limit
///   of 1 a refresh waiting for a slot would wait forever.
public actor CookieSession: APIAuthenticator {
    private let jar: CookieJar
    private let sessionCookieNames: Set<String>
    private let refreshWindow: RefreshWindow?
    private let timeSource: any TimeSource
    private let refresh: @Sendable () async throws -> Void
    private var inflight: Task<Void, any Error>?
    private var refreshHistory: [Date] = []

    /// Creates a session.
    /// - Parameters:
    ///   - jar: The jar of the client this session authenticates.
    ///   - sessionCookieNames: The cookies that carry the session (for example `Authentication`
    ///     and `Refresh`); empty means every cookie counts.
    ///   - refreshWindow: Bounds how often the session refreshes; `nil` for no bound.
    ///   - timeSource: The clock for the refresh window.
    ///   - refresh: Sends the vendor's refresh request.
    public init(
        jar: CookieJar,
        sessionCookieNames: Set<String> = [],
        refreshWindow: RefreshWindow? = RefreshWindow(),
        timeSource: any TimeSource = SystemTimeSource(),
        refresh: @escaping @Sendable () async throws -> Void
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
    public func recover(fromRejectionOf version: CredentialVersion, error: APIError) async throws -> Bool {
        if let inflight {
            try await inflight.value
            return true
        }
        if jar.sessionVersion(cookieNames: sessionCookieNames) > version.rawValue { return true }
        if let refreshWindow { try refreshWindow.admit(at: timeSource.now, history: &refreshHistory) }
        let task = Task { try await self.runRefresh() }
        inflight = task
        try await task.value
        return true
    }

    private func runRefresh() async throws {
        defer { inflight = nil }
        do {
            try await refresh()
        } catch let failure as APIError
            where failure.requiresReauthentication || failure.status == 401 || failure.status == 403
        {
            throw failure.recast(.reauthenticationRequired, "the session could not be refreshed; log in again")
        }
    }
}
