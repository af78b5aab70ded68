import AuthCore
import FlowerhubKit
import OdynKit
import Testing
import VendorSandbox

/// The kits (and the servers they talk to) a fault is tried against.
enum MatrixTarget: String, Sendable, CaseIterable {
    /// FlowerhubKit, `GET /asset/{id}` after a login.
    case flowerhub
    /// OdynKit, `GET companies({id})/customers` with a cached token.
    case businessCentral
    /// OdynKit, the Entra ID token request its first call makes.
    case entra

    /// The route the fault is injected on.
    var route: SandboxRoute {
        switch self {
        case .flowerhub: return .flowerhub(.asset)
        case .businessCentral: return .businessCentral(.customers)
        case .entra: return .entra(.token)
        }
    }
}

/// What a call that met a fault must end with.
struct MatrixExpectation: Sendable, CustomStringConvertible {
    /// `nil` for success; otherwise the `APIError` kind it fails with.
    let failure: APIError.Kind?
    /// The status the error carries (when it fails with one).
    let status: Int?
    /// How many requests the faulted route receives in all.
    let attempts: Int

    /// Succeeds after `attempts` requests.
    static func succeeds(after attempts: Int) -> MatrixExpectation {
        MatrixExpectation(failure: nil, status: nil, attempts: attempts)
    }

    /// Fails with an `APIError` of `kind` (and `status`) after `attempts` requests.
    static func fails(_ kind: APIError.Kind, _ status: Int? = nil, after attempts: Int) -> MatrixExpectation {
        MatrixExpectation(failure: kind, status: status, attempts: attempts)
    }

    var description: String {
        let noun = attempts == 1 ? "attempt" : "attempts"
        guard let failure else { return "succeeds after \(attempts) \(noun)" }
        return "\(failure)\(status.map { " \($0)" } ?? "") after \(attempts) \(noun)"
    }
}

/// One cell: a fault against a kit over a transport, and what must come of it.
struct MatrixCell: Sendable, CustomTestStringConvertible {
    let target: MatrixTarget
    let fault: SandboxFault
    let expected: MatrixExpectation
    let transport: SandboxTransport

    /// `flowerhub × 503,503,200 → succeeds after 3 attempts (URLSession)`.
    var testDescription: String { "\(target.rawValue) × \(fault) → \(expected) (\(transport.rawValue))" }
}

/// One fault against every target.
struct MatrixRow {
    let fault: SandboxFault
    let flowerhub: MatrixExpectation
    let businessCentral: MatrixExpectation
    let entra: MatrixExpectation

    var cells: [MatrixCell] {
        SandboxTransport.allCases.flatMap { transport in
            [
                MatrixCell(target: .flowerhub, fault: fault, expected: flowerhub, transport: transport),
                MatrixCell(target: .businessCentral, fault: fault, expected: businessCentral, transport: transport),
                MatrixCell(target: .entra, fault: fault, expected: entra, transport: transport),
            ]
        }
    }
}

/// Every fault the sandbox can inject, against every kit, over both transports, with the outcome
/// each kit's retry rules call for (the transports report failures alike, so one expectation serves both). The clients run with 2 retries (Flowerhub: `retry5xxAttempts: 2` and its own budget of 3
/// for 429s; OdynKit: `OdynRetrySettings(retries: 2)`) and a 1.5 s limit per attempt (`attemptLimit`; the Entra
/// token request keeps AuthCore's 30 s, so a slow token endpoint is waited for). The token request
/// is a POST and is not retried by itself, but authentication runs inside the call's retry: a
/// transient token failure (5xx, 429, a reset) fails the attempt, and the retried attempt asks
/// for the token again; a refusal (401, a 4xx with an OAuth error code) is never retried.
/// Flowerhub retries neither time-outs nor transport failures; OdynKit retries both for a GET.
enum FaultMatrix {
    /// The clients' limit per attempt. Well above what a loaded CI machine needs for a normal
    /// answer, well below the delay and the trickle that are meant to exceed it.
    static let attemptLimit: Duration = .milliseconds(1_500)

    static let rows: [MatrixRow] = [
        MatrixRow(
            fault: .statusSequence([503, 503, 200]),
            flowerhub: .succeeds(after: 3), businessCentral: .succeeds(after: 3), entra: .succeeds(after: 3)),
        MatrixRow(
            fault: .status(503).forever(),
            flowerhub: .fails(.server, 503, after: 3), businessCentral: .fails(.server, 503, after: 3),
            entra: .fails(.server, 503, after: 3)),
        MatrixRow(
            fault: .status(401),
            flowerhub: .succeeds(after: 2), businessCentral: .succeeds(after: 2),
            entra: .fails(.authenticationFailed, 401, after: 1)),
        MatrixRow(
            fault: .status(404),
            flowerhub: .fails(.client, 404, after: 1), businessCentral: .fails(.client, 404, after: 1),
            entra: .fails(.authenticationFailed, 404, after: 1)),
        MatrixRow(
            fault: .rateLimited(retryAfterSeconds: 1),
            flowerhub: .succeeds(after: 2), businessCentral: .succeeds(after: 2), entra: .succeeds(after: 2)),
        MatrixRow(
            fault: .rateLimited(retryAfterDateIn: 2),
            flowerhub: .succeeds(after: 2), businessCentral: .succeeds(after: 2), entra: .succeeds(after: 2)),
        MatrixRow(
            fault: .rateLimited(retryAfterSeconds: 1).forever(),
            flowerhub: .fails(.rateLimited, 429, after: 4), businessCentral: .fails(.rateLimited, 429, after: 3),
            entra: .fails(.rateLimited, 429, after: 3)),
        MatrixRow(
            fault: .delay(.milliseconds(4_000)),
            flowerhub: .fails(.timeout, after: 1), businessCentral: .succeeds(after: 2),
            entra: .succeeds(after: 1)),
        MatrixRow(
            fault: .trickle(chunkSize: 512, interval: .milliseconds(1)),
            flowerhub: .succeeds(after: 1), businessCentral: .succeeds(after: 1), entra: .succeeds(after: 1)),
        MatrixRow(
            fault: .trickle(chunkSize: 128, interval: .milliseconds(500)),
            flowerhub: .fails(.timeout, after: 1), businessCentral: .succeeds(after: 2), entra: .succeeds(after: 1)),
        MatrixRow(
            fault: .connectionResetMidBody(),
            flowerhub: .fails(.transport, after: 1), businessCentral: .succeeds(after: 2), entra: .succeeds(after: 2)),
        MatrixRow(
            fault: .truncatedJSON,
            flowerhub: .fails(.invalidResponse, 200, after: 1),
            businessCentral: .fails(.invalidResponse, 200, after: 1),
            entra: .fails(.invalidResponse, 200, after: 1)),
        MatrixRow(
            fault: .htmlErrorPage(status: 502),
            flowerhub: .succeeds(after: 2), businessCentral: .succeeds(after: 2), entra: .succeeds(after: 2)),
        MatrixRow(
            fault: .htmlErrorPage(status: 200),
            flowerhub: .fails(.invalidResponse, 200, after: 1),
            businessCentral: .fails(.invalidResponse, 200, after: 1),
            entra: .fails(.invalidResponse, 200, after: 1)),
        MatrixRow(
            fault: .wrongContentType(),
            flowerhub: .fails(.invalidResponse, 200, after: 1),
            businessCentral: .fails(.invalidResponse, 200, after: 1),
            entra: .fails(.invalidResponse, 200, after: 1)),
        MatrixRow(
            fault: .emptyBody(status: 200),
            flowerhub: .fails(.invalidResponse, 200, after: 1),
            businessCentral: .fails(.invalidResponse, 200, after: 1),
            entra: .fails(.invalidResponse, 200, after: 1)),
        MatrixRow(
            fault: .oversizedBody(),
            flowerhub: .succeeds(after: 1), businessCentral: .succeeds(after: 1), entra: .succeeds(after: 1)),
        MatrixRow(
            fault: .oversizedBody(status: 500).forever(),
            flowerhub: .fails(.server, 500, after: 3), businessCentral: .fails(.server, 500, after: 3),
            entra: .fails(.server, 500, after: 3)),
    ]

    static let cells: [MatrixCell] = rows.flatMap(\.cells)
}
