import Foundation
import Synchronization

/// Collects a demo run's steps and, for people, prints each one as it ends.
final class DemoLog: Sendable {
    /// The width of the step-name column.
    static let nameWidth = 16

    private let steps = Mutex<[DemoStep]>([])
    private let kit: Mutex<String> = Mutex("")
    private let write: @Sendable (String) -> Void

    /// `write` receives each finished line (nothing for `--json`).
    init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Every step so far, in order.
    var all: [DemoStep] { steps.withLock { $0 } }

    /// Starts a section: later steps belong to `name`.
    func begin(kit name: String, heading: String) {
        kit.withLock { $0 = name }
        write(heading)
    }

    /// Runs one step and records how it ended; a failure is recorded, printed and rethrown.
    func step(_ name: String, _ body: () async throws -> DemoResult) async throws {
        let current = kit.withLock { $0 }
        do {
            let result = try await body()
            record(DemoStep(kit: current, step: name, outcome: result.outcome, detail: result.detail))
        } catch {
            let reason = ErrorClassification.line(for: error).dropFirst("vendorctl: ".count)
            let detail = reason.trimmingCharacters(in: .newlines)
            record(DemoStep(kit: current, step: name, outcome: .failed, detail: detail))
            throw error
        }
    }

    private func record(_ step: DemoStep) {
        steps.withLock { $0.append(step) }
        let padding = String(repeating: " ", count: max(1, Self.nameWidth - step.step.count))
        write("  \(step.outcome.symbol) \(step.step)\(padding)\(step.detail)")
    }
}
