import AuthCore
import Foundation
import OdynKit
import Synchronization

/// Client-credentials tokens kept between runs in `bc-token-<key>.json` (mode 0600), one file
/// per tenant, app and token endpoint, so each run does not ask Entra ID for a new token.
///
/// The client secret is never stored. It is read (from `BC_CLIENT_SECRET` or a prompt without
/// echo) before anything is sent when no cached token is good for another five minutes, and
/// otherwise only if Business Central refuses the cached token.
enum BCTokenCache {
    static let filePrefix = "bc-token-"
    /// Renew this long before the token expires.
    static let refreshSkew: Duration = .seconds(300)

    static func provider(
        tenant: String, clientId: String, authorityHost: String?, directory: ConfigDirectory,
        context: VendorCtlContext
    ) async throws -> TokenManager {
        let placeholder = try EntraClientCredentials(
            tenantId: tenant, clientId: clientId, clientSecret: Secret(""),
            authorityHost: authorityHost ?? EntraClientCredentials.defaultAuthorityHost)
        let key = fingerprint([tenant, clientId, placeholder.tokenURL.absoluteString, placeholder.scope])
        try directory.create()
        let store = FileTokenStore(url: directory.file("\(filePrefix)\(key).json"))
        let secret = LazySecret(clientId: clientId, context: context)
        let cached = try await store.loadToken()
        let now = context.timeSource.now
        if cached?.expiresAt.map({ $0.timeIntervalSince(now) <= Durations.seconds(refreshSkew) }) ?? true {
            _ = try secret.value()
        }
        let grant = PromptingClientCredentialsGrant(
            tokenURL: placeholder.tokenURL, clientId: clientId, scope: placeholder.scope, secret: secret,
            context: context)
        return TokenManager(
            grant: grant, store: store, configuration: TokenManager.Configuration(refreshSkew: refreshSkew),
            timeSource: context.timeSource)
    }

    /// A short stable name for the file (FNV-1a, 64 bits); not a secret, only a key.
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The client secret, read once when first needed.
final class LazySecret: Sendable {
    private let clientId: String
    private let context: VendorCtlContext
    private let cached = Mutex<Secret?>(nil)

    init(clientId: String, context: VendorCtlContext) {
        self.clientId = clientId
        self.context = context
    }

    func value() throws -> Secret {
        if let secret = cached.withLock({ $0 }) { return secret }
        let secret = try SecretInput.read(
            variable: "BC_CLIENT_SECRET", prompt: "Client secret for \(clientId): ", context: context)
        cached.withLock { $0 = secret }
        return secret
    }
}

/// The client-credentials grant with a secret read on first use.
struct PromptingClientCredentialsGrant: TokenGrant {
    let tokenURL: URL
    let clientId: String
    let scope: String
    let secret: LazySecret
    let context: VendorCtlContext

    func obtainToken() async throws -> OAuth2Token {
        let value: Secret
        do {
            value = try secret.value()
        } catch let failure as CommandFailure {
            throw APIError(kind: .authenticationFailed, message: failure.message)
        }
        let client = try OAuth2TokenClient(
            tokenURL: tokenURL, clientID: clientId, clientSecret: value, transport: context.transport,
            timeSource: context.timeSource)
        return try await ClientCredentialsGrant(client: client, scope: scope).obtainToken()
    }

    func refresh(_ token: OAuth2Token) async throws -> OAuth2Token {
        try await obtainToken()
    }

    var canObtainWithoutUser: Bool { true }
}
