import Foundation
import HTTPTypes

/// Authentication by session cookies: a login sets them, a refresh request renews them.
///
/// The cookies themselves live in the client's ``CookieJar`` (set
/// ``APIClient/Configuration/cookieJar``), which sends them with every request, login and
/// refresh included. This authenticator handles the 401: it runs the refresh once for all
/// concurrent callers, skips it when the jar changed since the rejected request was sent, and
/// guards against refresh loops.
///
/// The `refresh` function sends the vendor's refresh request (through a client that has the jar
/// but no authenticator). If it throws an error that requires reauthentication, the call fails
/// with `reauthenticationRequired`; any other error is passed on as it is.
///
/// - Warning: send the refresh through a client without the rejected client's
///   ``ConcurrencyLimiter``: the rejected call keeps its slot while it recovers, so with a limit
///   of 1 a refresh waiting for a slot would wait forever.
public actor CookieSession: RequestAuthenticator {
    private let jar: CookieJar
    private let refreshWindow: RefreshWindow?
    private let timeSource: any TimeSource
    private let refresh: @Sendable () async throws -> Void
    private var inflight: Task<Void, any Error>?
    private var refreshHistory: [Date] = []

    /// Creates a session.
    public init(
        jar: CookieJar,
        refreshWindow: RefreshWindow? = RefreshWindow(),
        timeSource: any TimeSource = SystemTimeSource(),
        refresh: @escaping @Sendable () async throws -> Void
    ) {
        self.jar = jar
        self.refreshWindow = refreshWindow
        self.timeSource = timeSource
        self.refresh = refresh
    }

    /// Cookies are added by the jar; this only records which cookie state the request used.
    public func authenticate(_ request: inout HTTPRequest) async throws -> CredentialVersion {
        if let inflight { try await inflight.value }
        return CredentialVersion(jar.version)
    }

    /// Refreshes the cookies once for everyone, unless they already changed since `version`.
    public func recover(fromRejectionOf version: CredentialVersion, error: APIError) async throws -> Bool {
        if let inflight {
            try await inflight.value
            return true
        }
        if jar.version > version.rawValue { return true }
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
        } catch let failure as APIError where failure.requiresReauthentication || failure.status == 401 {
            throw failure.recast(.reauthenticationRequired, "the session could not be refreshed; log in again")
        }
    }
}
