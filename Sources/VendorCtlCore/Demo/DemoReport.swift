/// A demo run: its steps and the summary line, also the `--json` document.
struct DemoReport: Encodable, Sendable {
    /// Whether every step worked.
    let ok: Bool
    /// The sandbox's address (gone when the report is printed: the sandbox has stopped).
    let sandbox: String
    /// The kits run, in order.
    let kits: [String]
    let steps: [DemoStep]
    /// The summary line, as printed for people.
    let summary: String

    init(sandbox: String, kits: [String], steps: [DemoStep], elapsed: Duration) {
        self.sandbox = sandbox
        self.kits = kits
        self.steps = steps
        let failed = steps.first { $0.outcome == .failed }
        self.ok = failed == nil
        let renewed = steps.filter { $0.outcome == .refreshed }.count
        let retried = steps.filter { $0.outcome == .retried }.count
        let handled = steps.filter { $0.outcome == .handled }.count
        let details = [
            renewed > 0 ? "\(DemoText.plural(renewed, "expired session")) renewed" : nil,
            retried > 0 ? "\(DemoText.plural(retried, "fault")) retried" : nil,
            handled > 0 ? "\(DemoText.plural(handled, "conflict")) handled" : nil,
        ].compactMap { $0 }.joined(separator: ", ")
        let kitText = DemoText.plural(kits.count, "kit")
        if let failed {
            self.summary =
                "✗ demo stopped at \(failed.kit): \(failed.step) after "
                + "\(DemoText.plural(steps.count - 1, "step")) passed"
        } else {
            self.summary =
                "✓ \(kitText), \(DemoText.plural(steps.count, "step")) passed in \(DemoText.seconds(elapsed))"
                + (details.isEmpty ? "" : " (\(details))") + "; the sandbox is stopped"
        }
    }
}
