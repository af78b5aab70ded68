// The AuthCore types FlowerhubKit's public API speaks in, re-exported one by one so that
// `import FlowerhubKit` is enough to call it (and nothing else of AuthCore leaks into the
// caller's namespace).
@_exported import struct AuthCore.APIError
@_exported import class AuthCore.CookieJar
@_exported import protocol AuthCore.HTTPTransport
@_exported import enum AuthCore.JSONValue
@_exported import class AuthCore.RandomSource
@_exported import struct AuthCore.Secret
@_exported import protocol AuthCore.TimeSource
@_exported import class AuthCore.URLSessionTransport
