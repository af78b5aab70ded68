// The AuthCore types OdynKit's public API speaks in, re-exported one by one so that
// `import OdynKit` is enough to configure a client, read its errors and records, and plug in a
// token source; the rest of AuthCore stays behind `import AuthCore`.

@_exported import protocol AuthCore.APIAuthenticator
// Errors every network failure is reported as.
@_exported import struct AuthCore.APIError
@_exported import struct AuthCore.AccessToken
// Token sources and authenticators an `OdynSession` accepts, and what implementing one needs.
@_exported import protocol AuthCore.AccessTokenProvider
@_exported import struct AuthCore.CredentialVersion
// Transports and test seams in `OdynClient.init` and `OdynClient.Configuration`.
@_exported import protocol AuthCore.HTTPTransport
@_exported import struct AuthCore.JSONNumber
// Dynamic records, `$batch` bodies and action parameters.
@_exported import enum AuthCore.JSONValue
@_exported import class AuthCore.RandomSource
@_exported import struct AuthCore.RecoveryChannel
// Credentials.
@_exported import struct AuthCore.Secret
@_exported import struct AuthCore.SystemTimeSource
@_exported import protocol AuthCore.TimeSource
@_exported import class AuthCore.TokenManager
@_exported import class AuthCore.URLSessionTransport
