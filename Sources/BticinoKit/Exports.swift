// The AuthCore types BticinoKit's public API speaks in, re-exported one by one so that
// `import BticinoKit` is enough to configure a client, read its errors and keep its tokens.

@_exported import struct AuthCore.APIError
@_exported import struct AuthCore.FileTokenStore
@_exported import protocol AuthCore.HTTPTransport
@_exported import struct AuthCore.JSONNumber
@_exported import enum AuthCore.JSONValue
@_exported import struct AuthCore.OAuth2Token
@_exported import class AuthCore.RandomSource
@_exported import struct AuthCore.Secret
@_exported import struct AuthCore.SystemTimeSource
@_exported import protocol AuthCore.TimeSource
@_exported import protocol AuthCore.TokenStore
@_exported import class AuthCore.URLSessionTransport
