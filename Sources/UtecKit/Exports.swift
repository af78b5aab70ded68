// The AuthCore types UtecKit's public API speaks in, re-exported one by one so that
// `import UtecKit` is enough to sign in, configure a client, read its errors and plug in a
// token source; the rest of AuthCore stays behind `import AuthCore`.

// Errors every network failure is reported as.
@_exported import struct AuthCore.APIError
@_exported import struct AuthCore.APIRetryPolicy
@_exported import struct AuthCore.AccessToken
// Token sources: the OAuth flow's token manager, or the host app's own.
@_exported import protocol AuthCore.AccessTokenProvider
@_exported import class AuthCore.ClosureTokenProvider
@_exported import struct AuthCore.CredentialVersion
// Transports and test seams in `UtecClient.init` and its configuration.
@_exported import protocol AuthCore.HTTPTransport
@_exported import struct AuthCore.JSONNumber
// Device data: custom data, attributes and state values.
@_exported import enum AuthCore.JSONValue
@_exported import struct AuthCore.OAuth2Token
@_exported import class AuthCore.PendingAuthorization
@_exported import class AuthCore.RandomSource
@_exported import struct AuthCore.RefreshTokenGrant
// Credentials.
@_exported import struct AuthCore.Secret
@_exported import struct AuthCore.SystemTimeSource
@_exported import protocol AuthCore.TimeSource
@_exported import class AuthCore.TokenManager
@_exported import protocol AuthCore.TokenStore
@_exported import class AuthCore.URLSessionTransport
