import AuthCore
import Benchmark
import BenchmarkSupport
import Foundation
import OdynKit

// Streaming a Business Central collection through OdynKit (`client.records`), in pages of 5,000
// from an in-memory page source, 10,000 and 100,000 records: records per second, and the peak
// resident memory of the process. Only one page is held at a time, so the peak for 100,000
// should stay within 1.2x of the peak for 10,000; `Scripts/bench.sh` divides the medians.

let pageSize = CustomerPage.defaultRecordCount
let tenThousand = GeneratedCustomerPages(totalRecords: 10_000, recordsPerPage: pageSize)
let hundredThousand = GeneratedCustomerPages(totalRecords: 100_000, recordsPerPage: pageSize)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, recordsPerSecond],
        units: [recordsPerSecond: .count],
        warmupIterations: 1,
        maxDuration: .seconds(8),
        maxIterations: 30
    )

    for (total, pages) in [(10_000, tenThousand), (100_000, hundredThousand)] {
        Benchmark("Stream \(total) customers as BCCustomer") { benchmark in
            for _ in benchmark.scaledIterations {
                let client = try streamingClient(pages)
                let count = try await timed(benchmark, records: total) {
                    var count = 0
                    for try await customer in client.records(.customers, company: GeneratedCustomerPages.company) {
                        blackHole(customer)
                        count += 1
                    }
                    return count
                }
                precondition(count == total, "streamed \(count) of \(total) customers")
            }
        }
        Benchmark("Stream \(total) customers as ODataRecord") { benchmark in
            for _ in benchmark.scaledIterations {
                let client = try streamingClient(pages)
                let path = "companies(\(GeneratedCustomerPages.company))/customers"
                let count = try await timed(benchmark, records: total) {
                    var count = 0
                    for try await record in client.records(path) {
                        blackHole(record)
                        count += 1
                    }
                    return count
                }
                precondition(count == total, "streamed \(count) of \(total) records")
            }
        }
    }
}

/// Records per second, measured by each iteration itself.
let recordsPerSecond = BenchmarkMetric.custom("Records / s", polarity: .prefersLarger, useScalingFactor: false)

/// A client of the generated service, with a static bearer token and no logging.
func streamingClient(_ pages: GeneratedCustomerPages) throws -> OdynClient {
    let configuration = OdynClient.Configuration(
        baseURL: GeneratedCustomerPages.serviceRoot, session: try .bearer(Secret("benchmark-token-0123456789")))
    return try OdynClient(configuration: configuration, transport: pages)
}

/// Runs `body`, which streams `records` records, and reports records per second.
func timed(_ benchmark: Benchmark, records: Int, _ body: () async throws -> Int) async throws -> Int {
    let clock = ContinuousClock()
    let start = clock.now
    let count = try await body()
    let elapsed = (clock.now - start) / .nanoseconds(1)
    benchmark.measurement(recordsPerSecond, Int(Double(records) * 1e9 / max(elapsed, 1)))
    return count
}
