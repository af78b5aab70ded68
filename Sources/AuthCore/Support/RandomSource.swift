import Synchronization

/// A source of random numbers for jitter, shareable across tasks.
///
/// ``system`` draws from the operating system's CSPRNG. ``seeded(_:)`` gives a reproducible
/// sequence, which tests use to assert exact backoff delays.
public final class RandomSource: Sendable {
    private let state: Mutex<State>

    private enum State {
        case system
        case seeded(UInt64)
    }

    private init(_ state: State) {
        self.state = Mutex(state)
    }

    /// The system's random number generator.
    public static var system: RandomSource { RandomSource(.system) }

    /// A deterministic SplitMix64 sequence starting from `seed`.
    public static func seeded(_ seed: UInt64) -> RandomSource { RandomSource(.seeded(seed)) }

    /// The next 64 random bits.
    public func next() -> UInt64 {
        state.withLock { state in
            switch state {
            case .system:
                var generator = SystemRandomNumberGenerator()
                return generator.next()
            case .seeded(let current):
                let advanced = current &+ 0x9E37_79B9_7F4A_7C15
                state = .seeded(advanced)
                var z = advanced
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
    }

    /// A uniformly distributed value in `0 ..< 1`.
    public func unitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
