import AuthCore
import Benchmark
import BenchmarkSupport
import Foundation
import ViessmannKit

// The large Viessmann features payload (1,216 API features, 1.2 MB): ViessmannKit's parse and
// flatten (AuthCore's JSONValue reader, then the flat features with their controls) against
// decoding the same bytes into plain synthesized `Codable` structs with `JSONDecoder`. The target
// is at most 1.3; `Scripts/bench.sh` reports the median of the paired ratios.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(5),
        maxIterations: 60
    )
    // swift-format-ignore: NeverUseForceTry
    let payload = try! RepositoryFixture.data("viessmann/features_large.json")

    Benchmark("Viessmann large features: parse and flatten") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ViessmannFeatureFlattener.features(from: payload))
        }
    }
    Benchmark("Viessmann large features: plain Codable") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(PlainFeaturePage.self, from: payload))
        }
    }

    let flattenOverPlain = PairedRatio("Flatten / plain (x1000)")
    let paired = Benchmark.Configuration(
        metrics: [.wallClock, flattenOverPlain.metric], timeUnits: .microseconds,
        units: [flattenOverPlain.metric: .count], warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 60)
    var rounds = 0
    Benchmark("Viessmann large features, flatten / plain", configuration: paired) { benchmark in
        for _ in benchmark.scaledIterations {
            rounds += 1
            try flattenOverPlain.record(
                benchmark, iteration: rounds,
                measured: { blackHole(try ViessmannFeatureFlattener.features(from: payload)) },
                baseline: { blackHole(try JSONDecoder().decode(PlainFeaturePage.self, from: payload)) })
        }
    }
}
