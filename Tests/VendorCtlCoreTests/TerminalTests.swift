import Foundation
import Testing
import VendorCtlCore

@Suite("The system terminal on a real TTY")
struct TerminalTests {
    /// Runs the blocking prompt on its own thread, types `answer` once the prompt is shown, and
    /// returns the answer read and everything the terminal displayed after the prompt.
    private func ask(echo: Bool, answer: String) throws -> (read: String?, shown: String) {
        let pty = try PseudoTerminal()
        let terminal = VendorCtlSystemTerminal(devicePath: pty.devicePath)
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        let thread = Thread {
            result.value = try? terminal.readLine(prompt: "Secret: ", echo: echo)
            done.signal()
        }
        thread.start()
        let prompt = pty.read(until: "Secret: ")
        #expect(prompt.hasSuffix("Secret: "))
        pty.type(answer + "\n")
        let shown = pty.read(until: "\n")
        _ = done.wait(timeout: .now() + 10)
        return (result.value, shown)
    }

    @Test(
        "a secret is read with echo off: what is typed never appears on the terminal",
        .enabled(if: PseudoTerminal.isAvailable))
    func secretNotEchoed() throws {
        let (read, shown) = try ask(echo: false, answer: "s3cret-canary")
        #expect(read == "s3cret-canary")
        #expect(!shown.contains("s3cret-canary"))
        #expect(shown == "\r\n")
    }

    @Test(
        "a plain question echoes (so the check above can see an echo)", .enabled(if: PseudoTerminal.isAvailable))
    func plainQuestionEchoes() throws {
        let (read, shown) = try ask(echo: true, answer: "kim@example.se")
        #expect(read == "kim@example.se")
        #expect(shown.contains("kim@example.se"))
    }

    @Test("without a terminal device there is nobody to ask: nil, and nothing is read from elsewhere")
    func noTerminal() throws {
        let terminal = VendorCtlSystemTerminal(devicePath: "/nonexistent/vendorctl-tty")
        #expect(try terminal.readLine(prompt: "Secret: ", echo: false) == nil)
    }

    @Test("a device that is not a terminal is never used for a secret")
    func notATerminal() throws {
        let terminal = VendorCtlSystemTerminal(devicePath: "/dev/null")
        #expect(try terminal.readLine(prompt: "Secret: ", echo: false) == nil)
    }
}

private final class ResultBox: @unchecked Sendable {
    // Written by the prompt thread before it signals, read by the test after waiting.
    var value: String?
}
