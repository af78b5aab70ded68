import AuthCore
import Benchmark
import BenchmarkSupport
import FlowerhubKit
import Foundation
import OdynKit

// A 5,000-record Business Central customers page decoded four ways, a 5,000-line sales order
// lines page typed and plain, and the Flowerhub fixtures through FlowerhubKit's public parsers.
// Typed / plain is the cost of OdynKit's entity types over a plain synthesized `Codable` struct
// with the same fields, on the same bytes with the same `JSONDecoder` (the target is at most 1.3);
// `Scripts/bench.sh` reports the median of the paired ratios. The dynamic readers report MB/s.

let benchmarks: @Sendable () -> Void = {
    // Microseconds, so that the medians `Scripts/bench.sh` divides keep three digits or more.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(5),
        maxIterations: 60
    )
    let page = CustomerPage.json()

    Benchmark("BC customers page as [BCCustomer]") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(ValuePage<BCCustomer>.self, from: page))
        }
    }
    Benchmark("BC customers page as [PlainCustomer]") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(ValuePage<PlainCustomer>.self, from: page))
        }
    }
    let lines = SalesOrderLinePage.json()
    Benchmark("BC sales order lines page as [BCSalesOrderLine]") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(ValuePage<BCSalesOrderLine>.self, from: lines))
        }
    }
    Benchmark("BC sales order lines page as [PlainSalesOrderLine]") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(ValuePage<PlainSalesOrderLine>.self, from: lines))
        }
    }

    // The figures `Scripts/bench.sh` reports: the two decodes timed back to back in each iteration.
    let typedOverPlain = PairedRatio("Typed / plain (x1000)")
    let paired = Benchmark.Configuration(
        metrics: [.wallClock, typedOverPlain.metric], timeUnits: .microseconds, units: [typedOverPlain.metric: .count],
        warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 60)
    var customerRounds = 0
    Benchmark("BC customers page, typed / plain", configuration: paired) { benchmark in
        for _ in benchmark.scaledIterations {
            customerRounds += 1
            try typedOverPlain.record(
                benchmark, iteration: customerRounds,
                measured: { blackHole(try JSONDecoder().decode(ValuePage<BCCustomer>.self, from: page)) },
                baseline: { blackHole(try JSONDecoder().decode(ValuePage<PlainCustomer>.self, from: page)) })
        }
    }
    var lineRounds = 0
    Benchmark("BC sales order lines page, typed / plain", configuration: paired) { benchmark in
        for _ in benchmark.scaledIterations {
            lineRounds += 1
            try typedOverPlain.record(
                benchmark, iteration: lineRounds,
                measured: { blackHole(try JSONDecoder().decode(ValuePage<BCSalesOrderLine>.self, from: lines)) },
                baseline: { blackHole(try JSONDecoder().decode(ValuePage<PlainSalesOrderLine>.self, from: lines)) })
        }
    }

    let dynamic = Benchmark.Configuration(
        metrics: Benchmark.defaultConfiguration.metrics + [megabytesPerSecond], timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(5), maxIterations: 60)
    Benchmark("BC customers page as JSONValue", configuration: dynamic) { benchmark in
        for _ in benchmark.scaledIterations {
            try reportingSpeed(benchmark, bytes: page.count) { blackHole(try JSONValue(jsonData: page)) }
        }
    }
    Benchmark("BC customers page with JSONSerialization", configuration: dynamic) { benchmark in
        for _ in benchmark.scaledIterations {
            try reportingSpeed(benchmark, bytes: page.count) { blackHole(try JSONSerialization.jsonObject(with: page)) }
        }
    }

    // FlowerhubKit through its public parsers, as main has them: adapt here when they change.
    let asset = try! RepositoryFixture.data("flowerhub/asset.json")
    let invoices = try! RepositoryFixture.data("flowerhub/invoices.json")
    let now = Date(timeIntervalSince1970: 1_740_000_000)
    let small = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .throughput], timeUnits: .nanoseconds, scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000)

    Benchmark("Flowerhub asset", configuration: small) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try FlowerhubParsers.assetFetch(from: JSONValue(jsonData: asset), now: now))
        }
    }
    Benchmark("Flowerhub invoices", configuration: small) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try FlowerhubParsers.invoices(from: JSONValue(jsonData: invoices)))
        }
    }
}

/// Megabytes (10^6 bytes) of JSON read per second, measured by each iteration itself.
let megabytesPerSecond = BenchmarkMetric.custom("MB / s", polarity: .prefersLarger, useScalingFactor: false)

/// Runs `body`, which reads `bytes` bytes of JSON, and reports MB/s.
func reportingSpeed(_ benchmark: Benchmark, bytes: Int, _ body: () throws -> Void) throws {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let seconds = (clock.now - start) / .seconds(1)
    benchmark.measurement(megabytesPerSecond, Int(Double(bytes) / 1e6 / max(seconds, 1e-9)))
}
