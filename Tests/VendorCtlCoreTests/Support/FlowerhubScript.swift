import AuthCore
import HTTPTypes
import TestSupport

/// Canary values that must never appear in output.
enum Canary {
    static let password = "pw-canary-7f3a"
    static let accessCookie = "acc-canary-91bd"
    static let refreshCookie = "ref-canary-55e0"
}

/// Scripted Flowerhub answers.
enum FlowerhubScript {
    static func fixture(_ name: String, status: Int = 200, headers: HTTPFields = [:]) -> MockResponse {
        .fixture(status, "flowerhub/\(name)", headers: headers)
    }

    /// A login answer that sets both session cookies.
    static var login: MockResponse {
        fixture(
            "login.json",
            headers: setCookies(
                "Authentication=\(Canary.accessCookie); Path=/; HttpOnly; Secure; SameSite=None",
                "Refresh=\(Canary.refreshCookie); Path=/; HttpOnly; Secure; SameSite=None"))
    }

    /// Signs in with `FLOWERHUB_PASSWORD` so later runs have a session file.
    static func signIn(_ harness: CLIHarness, arguments: [String] = []) async throws {
        harness.transport.enqueue(login, method: .post, path: "/auth/login")
        let run = await harness.run(
            ["flowerhub", "login", "--username", "kim@example.se"] + arguments,
            environment: ["FLOWERHUB_PASSWORD": Canary.password])
        guard run.code == .success else { throw ScriptError.signInFailed(run.stderr) }
    }

    enum ScriptError: Error {
        case signInFailed(String)
    }
}
