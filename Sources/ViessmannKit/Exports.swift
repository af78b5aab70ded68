// The AuthCore types ViessmannKit's public API speaks in, re-exported one by one so that
// `import ViessmannKit` is enough to configure a client, sign in, read errors and values, and plug
// in a token source; the rest of AuthCore stays behind `import AuthCore`.

// Errors every network failure is reported as.
@_exported import struct AuthCore.APIError
@_exported import struct AuthCore.APIRetryPolicy
@_exported import struct AuthCore.AccessToken
// Token sources and stores.
@_exported import protocol AuthCore.AccessTokenProvider
@_exported import class AuthCore.ClosureTokenProvider
@_exported import struct AuthCore.CredentialVersion
@_exported import struct AuthCore.FileTokenStore
// Transports and test seams.
@_exported import protocol AuthCore.HTTPTransport
@_exported import struct AuthCore.JSONNumber
// Feature values.
@_exported import enum AuthCore.JSONValue
@_exported import class AuthCore.MemoryTokenStore
@_exported import struct AuthCore.OAuth2Token
// Sign-in.
@_exported import class AuthCore.PendingAuthorization
@_exported import class AuthCore.RandomSource
@_exported import struct AuthCore.Secret
@_exported import struct AuthCore.SystemTimeSource
@_exported import protocol AuthCore.TimeSource
@_exported import protocol AuthCore.TokenStore
@_exported import class AuthCore.URLSessionTransport
