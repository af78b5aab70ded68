import FlowerhubKit
import Foundation

/// `flowerhub watch`: the kit's status polling, one line per check.
struct FlowerhubWatch: Sendable {
    let connection: FlowerhubConnection
    let context: VendorCtlContext
    let json: Bool

    /// One check as `--json` prints it.
    struct Tick: Encodable {
        var time: Date
        var status: String?
        var message: String?
        var error: String?
        var errorClass: String?
    }

    /// Polls until `count` checks are done (or forever), then throws the last check's error, if any.
    func run(interval: Duration, count: Int?) async throws {
        let events = try await connection.client.periodicAssetStatus(interval: interval, runImmediately: true)
        var done = 0
        var savedCookies = connection.recorder.version
        var lastError: (any Error)?
        for try await event in events {
            done += 1
            switch event {
            case .update(let status):
                lastError = nil
                try show(
                    Tick(
                        time: status.updatedAt ?? context.timeSource.now, status: status.status,
                        message: status.message))
            case .failure(let error):
                lastError = error
                try show(
                    Tick(
                        time: context.timeSource.now, error: String(describing: error),
                        errorClass: ErrorClassification.exitCode(for: error).label))
            }
            // Keep a session the portal renewed during a long watch, even if it is interrupted later.
            if connection.recorder.version != savedCookies {
                try? await connection.save()
                savedCookies = connection.recorder.version
            }
            if let count, done >= count { break }
        }
        if let lastError { throw lastError }
    }

    private func show(_ tick: Tick) throws {
        if json {
            context.standardOutput.write(try Printer.encode(tick, pretty: false) + "\n")
            return
        }
        let time = Cell.date(tick.time)
        if let error = tick.error {
            context.standardOutput.write("\(time)  ERROR  \(TextTable.clean(error, limit: nil))\n")
        } else {
            let message = TextTable.clean(Cell.text(tick.message), limit: nil)
            context.standardOutput.write("\(time)  \(TextTable.clean(Cell.text(tick.status)))  \(message)\n")
        }
    }
}
