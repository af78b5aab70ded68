import AuthCore
import Testing

@Suite("Backoff")
struct BackoffTests {
    @Test("exponential without jitter doubles up to the cap")
    func exponentialNoJitter() {
        let backoff = Backoff.exponential(base: .seconds(1), factor: 2, cap: .seconds(8), jitter: .none)
        let delays = (1...6).map { backoff.delay(forRetry: $0, random: .seeded(1)) }
        #expect(delays == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8), .seconds(8)])
    }

    @Test("Odyn's documented sequence: factor 2 from 2 s gives 2, 4, 8, 16, 32")
    func odynSequence() {
        let backoff = Backoff.exponential(base: .seconds(2), factor: 2, cap: .seconds(120), jitter: .none)
        #expect(
            (1...5).map { backoff.rawDelay(forRetry: $0) } == [
                .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32),
            ])
    }

    @Test("full jitter draws uniformly below the raw delay, reproducibly with a seed")
    func fullJitter() {
        let backoff = Backoff.exponential(base: .seconds(1), factor: 2, cap: .seconds(30), jitter: .full)
        let firstSource = RandomSource.seeded(7)
        let secondSource = RandomSource.seeded(7)
        let first = (1...5).map { backoff.delay(forRetry: $0, random: firstSource) }
        let second = (1...5).map { backoff.delay(forRetry: $0, random: secondSource) }
        #expect(first == second)
        let reference = RandomSource.seeded(7)
        for (retry, delay) in zip(1..., first) {
            let raw = backoff.rawDelay(forRetry: retry)
            #expect(delay < raw)
            #expect(abs(Durations.seconds(delay) - Durations.seconds(raw) * reference.unitInterval()) < 0.001)
        }
        #expect(Set(first).count > 1)
    }

    @Test("equal jitter stays in the upper half of the raw delay")
    func equalJitter() {
        let backoff = Backoff.exponential(base: .seconds(4), factor: 2, cap: .seconds(30), jitter: .equal)
        let random = RandomSource.seeded(3)
        for retry in 1...4 {
            let raw = backoff.rawDelay(forRetry: retry)
            let delay = backoff.delay(forRetry: retry, random: random)
            #expect(delay >= raw / 2 && delay < raw)
        }
    }

    @Test("linear with additive jitter gives 1-1.3 s, then 2-2.3 s")
    func linearAdditive() {
        let backoff = Backoff.linear(step: .seconds(1), cap: .seconds(60), jitter: .additive(.milliseconds(300)))
        let random = RandomSource.seeded(11)
        for retry in 1...3 {
            let delay = Durations.seconds(backoff.delay(forRetry: retry, random: random))
            #expect(delay >= Double(retry) && delay < Double(retry) + 0.3)
        }
    }
}
