import AuthCore
import Foundation
import Testing
import VendorSandbox
import ViessmannKit

/// ViessmannKit's rows of the fault matrix: `GET …/equipment/gateways` with a signed-in client.
/// The kit retries nothing by default (Viessmann counts every call against a daily limit), so
/// every fault but a 401 (one refresh, one retry) ends after one attempt; the last rows opt in
/// to AuthCore's retries.
enum ViessmannFaultMatrix {
    struct Row: Sendable, CustomTestStringConvertible {
        let fault: SandboxFault
        let expected: MatrixExpectation
        var retries = false
        /// The per-attempt limit: short only where the fault is a delay, so a loaded machine does
        /// not turn another fault's answer into a time-out.
        var timeout: Duration = .seconds(10)

        var testDescription: String { "viessmann × \(fault) → \(expected)\(retries ? " (with retries)" : "")" }
    }

    static let rows: [Row] = [
        Row(fault: .statusSequence([503, 503, 200]), expected: .fails(.server, 503, after: 1)),
        Row(fault: .status(503).forever(), expected: .fails(.server, 503, after: 1)),
        Row(fault: .status(401), expected: .succeeds(after: 2)),
        Row(fault: .status(404), expected: .fails(.client, 404, after: 1)),
        Row(fault: .status(429), expected: .fails(.rateLimited, 429, after: 1)),
        Row(fault: .rateLimited(retryAfterSeconds: 1), expected: .fails(.rateLimited, 429, after: 1)),
        Row(fault: .rateLimited(retryAfterDateIn: 2), expected: .fails(.rateLimited, 429, after: 1)),
        Row(
            fault: .delay(.milliseconds(4_000)), expected: .fails(.timeout, after: 1), timeout: FaultMatrix.attemptLimit
        ),
        Row(fault: .trickle(chunkSize: 512, interval: .milliseconds(1)), expected: .succeeds(after: 1)),
        Row(fault: .connectionResetMidBody(), expected: .fails(.transport, after: 1)),
        Row(fault: .truncatedJSON, expected: .fails(.invalidResponse, 200, after: 1)),
        Row(fault: .htmlErrorPage(status: 502), expected: .fails(.server, 502, after: 1)),
        Row(fault: .htmlErrorPage(status: 200), expected: .fails(.invalidResponse, 200, after: 1)),
        Row(fault: .wrongContentType(), expected: .fails(.invalidResponse, 200, after: 1)),
        Row(fault: .emptyBody(status: 200), expected: .fails(.invalidResponse, 200, after: 1)),
        Row(fault: .statusSequence([503, 503, 200]), expected: .succeeds(after: 3), retries: true),
        Row(fault: .rateLimited(retryAfterSeconds: 1), expected: .succeeds(after: 2), retries: true),
    ]
}

@Suite("Fault matrix: ViessmannKit", .serialized)
struct ViessmannFaultMatrixTests {
    @Test("viessmann fault matrix", arguments: ViessmannFaultMatrix.rows, SandboxTransport.allCases)
    func cell(_ row: ViessmannFaultMatrix.Row, _ transport: SandboxTransport) async throws {
        try await withSandbox { sandbox in
            let callback = try ViessmannSandbox.callbackServer()
            defer { callback.stop() }
            let retry =
                row.retries
                ? try APIRetryPolicy(maxAttempts: 3, backoff: .linear(step: .milliseconds(10), cap: .milliseconds(10)))
                : ViessmannClient.Configuration.noRetries
            let client = try ViessmannSandbox.client(
                sandbox, over: transport, redirectURI: callback.baseURL.absoluteString + "/",
                timeout: row.timeout, retryPolicy: retry)
            try await ViessmannSandbox.signIn(client, callback: callback)
            let route = SandboxRoute.viessmann(.gateways)
            sandbox.faults.inject(row.fault, on: route)
            let error = await thrownError { try await client.gateways() }
            let attempts = sandbox.requestCount(for: route)
            sandbox.faults.clear()
            FaultMatrixTests.check(error, against: row.expected)
            #expect(attempts == row.expected.attempts, "requests the faulted route received")
            #expect(try await client.gateways().count == 2, "the session survives the fault")
        }
    }
}
