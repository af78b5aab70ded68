import AuthCore
import Foundation
import HTTPTypes
import TestSupport

/// Scripted Business Central answers and the common arguments.
enum BCScript {
    static let tenant = "11111111-2222-3333-4444-555555555555"
    static let serviceRoot = "https://api.businesscentral.dynamics.com/v2.0/\(tenant)/Sandbox/api/v2.0/"
    static let companyId = "9c4f2e10-0000-4a1b-8c3d-00000000c0de"
    static let itemId = "a0000000-0000-0000-0000-000000000001"
    static let bearer = "bearer-canary-3c1d"
    static let clientSecret = "client-secret-canary-8e2f"
    static let tokenPath = "/\(tenant)/oauth2/v2.0/token"
    static let apiPath = "/v2.0/\(tenant)/Sandbox/api/v2.0"

    /// The environment of a bearer-token run.
    static let bearerEnvironment = ["BC_TOKEN": bearer]

    static func fixture(_ name: String, status: Int = 200, headers: HTTPFields = [:]) -> MockResponse {
        .fixture(status, "odyn/\(name)", headers: headers)
    }

    /// `bc <arguments> --base-url <root>`.
    static func arguments(_ arguments: String...) -> [String] {
        ["bc"] + arguments + ["--base-url", serviceRoot]
    }
}
