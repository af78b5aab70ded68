import AuthCore
import Logging

extension OdynSession {
    /// The AuthCore authenticator for this session; token requests use `transport` and `timeSource`.
    func makeAuthenticator(
        transport: any HTTPTransport, timeSource: any TimeSource, logger: Logger?
    ) throws -> (any APIAuthenticator)? {
        switch authentication {
        case .none:
            return nil
        case .bearer(let token):
            return StaticCredentials.bearer(token)
        case .basic(let username, let password):
            return StaticCredentials.basic(username: username, password: password)
        case .apiKey(let key, let header):
            return StaticCredentials.apiKey(key, header: header)
        case .tokenProvider(let provider):
            return BearerTokenAuthenticator(provider: provider)
        case .authenticator(let authenticator):
            return authenticator
        case .clientCredentials(let credentials):
            let manager = try credentials.makeTokenManager(transport: transport, timeSource: timeSource, logger: logger)
            return BearerTokenAuthenticator(provider: manager)
        }
    }
}
