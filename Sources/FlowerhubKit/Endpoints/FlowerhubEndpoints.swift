import AuthCore
import Foundation
import HTTPTypes

/// The portal's operations as AuthCore endpoints. Every one returns the raw response: the client
/// reads bodies leniently itself, because the portal's shapes vary.
enum FlowerhubEndpoints {
    /// The login body.
    private struct Credentials: Encodable {
        let username: String
        let password: String
    }

    /// `POST /auth/login` with `{"username","password"}`; unauthenticated, body marked secret.
    ///
    /// The pipeline finds the `password` member itself (and removes every spelling an echo of it
    /// may take from errors); the endpoint also names it so the client removes it from the body.
    static func login(username: String, password: Secret) throws -> Endpoint<RawResponse> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var endpoint = Endpoint<RawResponse>.raw(
            .post, FlowerhubPaths.login,
            headers: [.accept: "application/json"],
            body: try .json(Credentials(username: username, password: password.revealed), encoder: encoder),
            requiresAuthentication: false
        )
        endpoint.containsSecrets = true
        endpoint.secrets = [password]
        return endpoint
    }

    /// `GET /auth/refresh-token`; unauthenticated (the jar sends the `Refresh` cookie).
    static func refresh() -> Endpoint<RawResponse> {
        var endpoint = Endpoint<RawResponse>.raw(
            .get, FlowerhubPaths.refreshToken, headers: [.accept: "application/json"], requiresAuthentication: false)
        endpoint.containsSecrets = true
        return endpoint
    }

    /// An authenticated `GET` of `path`.
    static func get(_ path: String, query: [URLQueryItem] = []) -> Endpoint<RawResponse> {
        .raw(.get, path, query: query, headers: [.accept: "application/json"])
    }
}
