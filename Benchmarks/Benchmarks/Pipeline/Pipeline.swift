import AuthCore
import Benchmark
import BenchmarkSupport
import Foundation
import HTTPTypes

// What AuthCore's pipeline costs on top of the transport it wraps. `Scripts/bench.sh` reports the
// median of the paired loopback ratio (pipeline / bare); the in-memory pair shows the
// pipeline's own cost per request without a socket in the way; the refresh storm checks that
// 1,000 calls on an expired token make exactly one token request, and times the drain.

/// Requests per iteration of the loopback and in-memory benchmarks.
let requestCount = 100
/// Calls in the refresh storm.
let stormSize = 1_000

let okBody = Data(#"{"ok":true}"#.utf8)
let server = try! LoopbackServer(body: okBody)
let loopbackTransport = URLSessionTransport()
let bearer = StaticCredentials.bearer(Secret("benchmark-token-0123456789"))

let benchmarks: @Sendable () -> Void = {
    // Microseconds, so that the medians `Scripts/bench.sh` divides keep three digits or more.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(5),
        maxIterations: 200
    )

    Benchmark("Loopback: \(requestCount) GETs, bare URLSessionTransport") { benchmark in
        let request = HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("v1/ok"))
        for _ in benchmark.scaledIterations {
            for _ in 0..<requestCount {
                blackHole(try await loopbackTransport.send(request, body: nil, timeout: .seconds(10)))
            }
        }
    }
    Benchmark("Loopback: \(requestCount) GETs through APIClient") { benchmark in
        let client = try APIClient(
            configuration: .init(baseURL: server.baseURL, retryPolicy: .default, authenticator: bearer),
            transport: loopbackTransport)
        let endpoint = Endpoint<RawResponse>.raw(.get, "/v1/ok")
        for _ in benchmark.scaledIterations {
            for _ in 0..<requestCount {
                blackHole(try await client.send(endpoint))
            }
        }
    }

    // The figure `Scripts/bench.sh` reports: both loops timed back to back in each iteration.
    let pipelineOverBare = PairedRatio("Pipeline / bare (x1000)")
    var rounds = 0
    Benchmark(
        "Loopback: \(requestCount) GETs, pipeline / bare",
        configuration: .init(
            metrics: [.wallClock, pipelineOverBare.metric], timeUnits: .microseconds,
            units: [pipelineOverBare.metric: .count], maxDuration: .seconds(10), maxIterations: 200)
    ) { benchmark in
        let client = try APIClient(
            configuration: .init(baseURL: server.baseURL, retryPolicy: .default, authenticator: bearer),
            transport: loopbackTransport)
        let endpoint = Endpoint<RawResponse>.raw(.get, "/v1/ok")
        let request = HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("v1/ok"))
        for _ in benchmark.scaledIterations {
            rounds += 1
            try await pipelineOverBare.record(
                benchmark, iteration: rounds,
                measured: {
                    for _ in 0..<requestCount { blackHole(try await client.send(endpoint)) }
                },
                baseline: {
                    for _ in 0..<requestCount {
                        blackHole(try await loopbackTransport.send(request, body: nil, timeout: .seconds(10)))
                    }
                })
        }
    }

    let memory = ScriptedTransport { _ in (200, okBody) }
    Benchmark("In memory: \(requestCount) GETs, bare transport") { benchmark in
        let request = HTTPRequest(method: .get, url: URL(string: "https://api.example.test/v1/ok")!)
        for _ in benchmark.scaledIterations {
            for _ in 0..<requestCount {
                blackHole(try await memory.send(request, body: nil, timeout: .seconds(10)))
            }
        }
    }
    Benchmark("In memory: \(requestCount) GETs through APIClient") { benchmark in
        let client = try APIClient(
            configuration: .init(
                baseURL: URL(string: "https://api.example.test")!, retryPolicy: .default, authenticator: bearer),
            transport: memory)
        let endpoint = Endpoint<RawResponse>.raw(.get, "/v1/ok")
        for _ in benchmark.scaledIterations {
            for _ in 0..<requestCount {
                blackHole(try await client.send(endpoint))
            }
        }
    }

    Benchmark(
        "Refresh storm: \(stormSize) calls on an expired token",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], timeUnits: .microseconds)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let (client, transport) = try stormClient()
            benchmark.startMeasurement()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<stormSize {
                    group.addTask { blackHole(try await client.send(Endpoint<RawResponse>.raw(.get, "/v1/ok"))) }
                }
                try await group.waitForAll()
            }
            benchmark.stopMeasurement()
            let tokenRequests = transport.requestCount(path: "/oauth2/token")
            precondition(tokenRequests == 1, "the storm made \(tokenRequests) token requests, not 1")
            precondition(transport.requestCount(path: "/v1/ok") == stormSize, "not every call was answered")
        }
    }
}

/// A client whose token expired a minute ago, over an in-memory server that issues tokens at
/// `/oauth2/token` and answers everything else with `{"ok":true}`.
func stormClient() throws -> (APIClient, ScriptedTransport) {
    let tokenBody = Data(
        #"{"access_token":"fresh-token-0123456789","token_type":"Bearer","expires_in":3600,"refresh_token":"r2"}"#.utf8)
    let transport = ScriptedTransport { request in
        request.path?.hasPrefix("/oauth2/token") == true ? (200, tokenBody) : (200, okBody)
    }
    let tokens = try OAuth2TokenClient(
        tokenURL: URL(string: "https://login.example.test/oauth2/token")!, clientID: "benchmark", transport: transport)
    let expired = OAuth2Token(
        accessToken: Secret("expired-token-0123456789"), refreshToken: Secret("refresh-token-0123456789"),
        expiresAt: Date(timeIntervalSinceNow: -60))
    let manager = TokenManager(grant: RefreshTokenGrant(client: tokens), initialToken: expired)
    let client = try APIClient(
        configuration: .init(
            baseURL: URL(string: "https://api.example.test")!,
            authenticator: BearerTokenAuthenticator(provider: manager)),
        transport: transport)
    return (client, transport)
}
