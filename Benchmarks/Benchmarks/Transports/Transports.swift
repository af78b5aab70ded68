import AuthCore
import AuthCoreAsyncHTTPClient
import Benchmark
import BenchmarkSupport
import Foundation
import HTTPTypes

// URLSession against AsyncHTTPClient on the same loopback server: requests one after another,
// and 16 at a time, each transport as an app would share it (one instance for the process).

/// Requests per iteration, in both shapes.
let requestCount = 160
/// Requests in flight at once in the concurrent shape.
let concurrency = 16

let server = try! LoopbackServer(body: Data(#"{"ok":true}"#.utf8))
let urlSession = URLSessionTransport()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(5),
        maxIterations: 200
    )
    register("URLSession", urlSession)
    register("AsyncHTTPClient", AsyncHTTPClientTransport.shared)
}

/// The sequential and the concurrent benchmark of one transport.
func register(_ name: String, _ transport: any HTTPTransport) {
    let request = HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("v1/ok"))
    Benchmark("\(name): \(requestCount) GETs, sequential") { benchmark in
        for _ in benchmark.scaledIterations {
            for _ in 0..<requestCount {
                blackHole(try await transport.send(request, body: nil, timeout: .seconds(10)))
            }
        }
    }
    Benchmark("\(name): \(requestCount) GETs, \(concurrency) at a time") { benchmark in
        for _ in benchmark.scaledIterations {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<concurrency {
                    group.addTask {
                        for _ in 0..<(requestCount / concurrency) {
                            blackHole(try await transport.send(request, body: nil, timeout: .seconds(10)))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
