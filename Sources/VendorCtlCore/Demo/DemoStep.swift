/// What one demo step did, as printed and as written to the `--json` document.
struct DemoStep: Encodable, Sendable, Equatable {
    /// How the step ended.
    enum Outcome: String, Encodable, Sendable {
        /// It worked at the first try.
        case ok
        /// A session or token had expired and was renewed before the call was retried.
        case refreshed
        /// A fault was answered and the call was retried until it worked.
        case retried
        /// The service refused the call as expected (a conflict) and the flow recovered.
        case handled
        /// It failed: the demo stops here.
        case failed

        /// The mark in front of the line.
        var symbol: String {
            switch self {
            case .ok: return "✓"
            case .refreshed: return "↻"
            case .retried, .handled: return "⚠"
            case .failed: return "✗"
            }
        }
    }

    /// The section (kit) the step belongs to: `flowerhub`, `bc`.
    let kit: String
    /// The step's short name: `sign in`, `paging`.
    let step: String
    let outcome: Outcome
    /// What happened, in words (never a secret).
    let detail: String
}

/// How a step's body reports what it did.
struct DemoResult: Sendable {
    let outcome: DemoStep.Outcome
    let detail: String

    static func ok(_ detail: String) -> DemoResult { DemoResult(outcome: .ok, detail: detail) }
    static func refreshed(_ detail: String) -> DemoResult { DemoResult(outcome: .refreshed, detail: detail) }
    static func retried(_ detail: String) -> DemoResult { DemoResult(outcome: .retried, detail: detail) }
    static func handled(_ detail: String) -> DemoResult { DemoResult(outcome: .handled, detail: detail) }
}
