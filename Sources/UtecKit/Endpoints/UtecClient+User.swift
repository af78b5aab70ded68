import AuthCore
import Foundation

extension UtecClient {
    /// `Uhome.User` / `Get`: the signed-in user.
    public func user() async throws -> UtecUser {
        try await send(UtecEndpoints.action(request(.userGet)) { UtecUser(json: $0.payload["user"]) })
    }

    /// `Uhome.User` / `Logout`: ends the session at U-Tec (forget the tokens afterwards).
    public func logout() async throws {
        try await send(UtecEndpoints.action(request(.userLogout)) { _ in () })
    }

    /// `Uhome.Configure` / `Set`: U-Tec will POST notifications to `url` with
    /// `Authorization: Bearer <secret>`. The secret is yours (see ``UtecWebhookReceiver/makeSecret()``),
    /// not the OAuth token; the last registration wins.
    ///
    /// - Throws: ``UtecError`` `invalidArgument` for a URL that is not http or https or an empty secret.
    public func registerWebhook(url: URL, secret: Secret) async throws {
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw UtecError(.invalidArgument, "the notification URL must be http or https with a host")
        }
        guard !secret.isEmpty else { throw UtecError(.invalidArgument, "the notification secret must not be empty") }
        let body = UtecActionRequest.setNotification(url: url, secret: secret, messageID: configuration.messageIDs())
        try await send(UtecEndpoints.action(body, secrets: [secret]) { _ in () })
    }

    /// `Uhome.Configure` / `Query` (undocumented; may not exist): the configuration payload as sent.
    public func notificationConfiguration() async throws -> JSONValue {
        try await send(UtecEndpoints.action(request(.configureQuery)) { $0.payload })
    }
}
