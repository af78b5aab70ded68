import Benchmark

/// A ratio of two timings taken back to back in the same iteration, recorded as a custom metric
/// in thousandths (1,000 = as fast as the baseline).
///
/// The benchmarks run on shared machines: two benchmarks measured a minute apart can see different
/// loads, and the ratio of their medians then says more about the machine than about the code.
/// Pairing the two timings in every iteration, in alternating order so that neither always runs
/// second on a warm cache, and taking the median of the per-iteration ratios cancels most of that.
public struct PairedRatio: Sendable {
    /// The metric the ratios are recorded as.
    public let metric: BenchmarkMetric
    private let clock = ContinuousClock()

    /// A ratio reported as `name` (in thousandths).
    public init(_ name: String) {
        metric = .custom(name, polarity: .prefersSmaller, useScalingFactor: false)
    }

    /// Runs `measured` and `baseline` once each and records measured / baseline; `iteration`
    /// decides which runs first.
    public func record(
        _ benchmark: Benchmark, iteration: Int, measured: () throws -> Void, baseline: () throws -> Void
    ) rethrows {
        var times: (measured: Duration, baseline: Duration) = (.zero, .zero)
        if iteration.isMultiple(of: 2) {
            times.measured = try clock.measure(measured)
            times.baseline = try clock.measure(baseline)
        } else {
            times.baseline = try clock.measure(baseline)
            times.measured = try clock.measure(measured)
        }
        report(benchmark, times)
    }

    /// The `async` form of ``record(_:iteration:measured:baseline:)``.
    public func record(
        _ benchmark: Benchmark, iteration: Int, measured: () async throws -> Void, baseline: () async throws -> Void
    ) async rethrows {
        var times: (measured: Duration, baseline: Duration) = (.zero, .zero)
        if iteration.isMultiple(of: 2) {
            times.measured = try await clock.measure(measured)
            times.baseline = try await clock.measure(baseline)
        } else {
            times.baseline = try await clock.measure(baseline)
            times.measured = try await clock.measure(measured)
        }
        report(benchmark, times)
    }

    private func report(_ benchmark: Benchmark, _ times: (measured: Duration, baseline: Duration)) {
        let ratio = times.measured / max(times.baseline, .nanoseconds(1))
        benchmark.measurement(metric, Int((ratio * 1_000).rounded()))
    }
}
