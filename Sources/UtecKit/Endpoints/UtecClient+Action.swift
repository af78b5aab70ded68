import AuthCore
import HTTPTypes

extension UtecClient {
    /// Sends any action request and returns U-Tec's envelope as it came (after error checks:
    /// `payload.error` and HTTP errors are thrown as `APIError`).
    ///
    /// Use it for namespace/name pairs the typed calls do not cover. `headers` are sent too (a
    /// request id, say); `Content-Type`, `Accept` and `Authorization` among them are replaced by
    /// UtecKit's own.
    public func perform(_ request: UtecActionRequest, headers: HTTPFields = [:]) async throws -> UtecActionResponse {
        try await send(UtecEndpoints.action(request, headers: headers) { $0 })
    }

    /// Runs discovery to check the token: `true` when it works, `false` when U-Tec refuses the
    /// credentials (HTTP 401 or `INVALID_TOKEN`, also after one refresh). Other failures are thrown.
    public func validateAuthentication() async throws -> Bool {
        do {
            _ = try await discoverDevices()
            return true
        } catch let error as APIError where error.requiresReauthentication {
            return false
        }
    }
}
