import Synchronization
import VendorCtlCore

/// A terminal that answers prompts from a script and records how each was asked.
final class ScriptedTerminal: VendorCtlTerminal {
    struct Prompt: Sendable, Equatable {
        let text: String
        let echo: Bool
    }

    private let state: Mutex<(answers: [String?], prompts: [Prompt])>

    /// `answers` in order; a `nil` answer (or running out) means "no terminal".
    init(answers: [String?] = []) {
        state = Mutex((answers, []))
    }

    var prompts: [Prompt] { state.withLock { $0.prompts } }

    func readLine(prompt: String, echo: Bool) throws -> String? {
        state.withLock { state in
            state.prompts.append(Prompt(text: prompt, echo: echo))
            return state.answers.isEmpty ? nil : state.answers.removeFirst()
        }
    }
}
