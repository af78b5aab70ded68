import AuthCore
import Foundation
import Testing

@testable import BticinoKit

@Suite("Reconnect state machine")
struct ReconnectStateTests {
    @Test("capped exponential backoff without jitter")
    func growth() {
        var settings = BticinoPushSettings()
        settings.backoff = BticinoBackoff(initial: .seconds(5), maximum: .seconds(60), multiplier: 2, jitter: 0)
        settings.fullResetAfterFailures = 10
        var state = BticinoReconnectState()
        let delays = (0..<6).map { _ in state.failed(reason: "x", settings: settings, random: .seeded(1)).delay }
        #expect(delays == [.seconds(5), .seconds(10), .seconds(20), .seconds(40), .seconds(60), .seconds(60)])
    }

    @Test("jitter stays within ±jitter and varies")
    func jitter() {
        let backoff = BticinoBackoff(initial: .seconds(10), maximum: .seconds(100), multiplier: 2, jitter: 0.2)
        #expect(backoff.delay(attempt: 1, unit: 0) == .seconds(8))
        #expect(backoff.delay(attempt: 1, unit: 0.5) == .seconds(10))
        #expect(backoff.delay(attempt: 1, unit: 0.999_999) <= .seconds(12))
        let random = RandomSource.seeded(42)
        let samples = Set((0..<20).map { _ in backoff.delay(attempt: 2, unit: random.unitInterval()) })
        #expect(samples.count > 1)
        #expect(samples.allSatisfy { $0 >= .seconds(16) && $0 <= .seconds(24) })
    }

    @Test("a success resets the count; repeated failures end in a full reset that starts over")
    func fullReset() {
        var settings = BticinoPushSettings()
        settings.backoff = BticinoBackoff(initial: .seconds(1), maximum: .seconds(100), multiplier: 2, jitter: 0)
        settings.fullResetAfterFailures = 3
        var state = BticinoReconnectState()
        _ = state.failed(reason: "a", settings: settings, random: .seeded(1))
        state.connected()
        #expect(state.failures == 0)
        let steps = (0..<4).map { _ in state.failed(reason: "b", settings: settings, random: .seeded(1)) }
        #expect(steps.map(\.attempt) == [1, 2, 3, 1])
        #expect(steps.map(\.isFullReset) == [false, false, true, false])
        #expect(steps[3].delay == .seconds(1))
    }

    @Test("huge attempt counts never overflow")
    func huge() {
        let backoff = BticinoBackoff()
        #expect(backoff.delay(attempt: 10_000, unit: 0.5) == .seconds(120))
    }
}
