import Foundation
import VendorFixtures

/// Feeds every mutant of every fixture of a vendor to the call that reads it and collects what
/// went wrong: an error that is not one of the typed errors, or a call that did not finish.
///
/// A crash (a trap on a hostile number, an index out of range) ends the test process, so it
/// fails the run as well. Each kit's test target calls this with its readers; new fixtures are
/// picked up from their folder without any change here.
public enum MutationSuite {
    /// A function that reads one fixture body the way the kit's real call does.
    public typealias Reader = @Sendable (_ fixture: String, _ body: Data) async throws -> Void

    /// What one run saw.
    public struct Report: Sendable {
        /// How many mutants were read.
        public var mutants = 0
        /// How many ended in a value.
        public var values = 0
        /// How many ended in a typed error.
        public var typedErrors = 0
        /// Each problem: the mutant and what happened.
        public var problems: [String] = []
    }

    /// Runs the suite over the fixtures at `paths` (`vendor/name.json`; HTML fixtures included).
    ///
    /// - Parameters:
    ///   - reader: Picks the reader for a fixture path.
    ///   - isTyped: Whether an error is one of the kit's typed errors.
    ///   - timeLimit: How long one read may take before it counts as a hang.
    public static func run(
        paths: [String],
        mutator: FixtureMutator = FixtureMutator(),
        timeLimit: Duration = .seconds(20),
        isTyped: @escaping @Sendable (any Error) -> Bool,
        reader: (String) -> Reader
    ) async -> Report {
        var report = Report()
        for path in paths {
            guard let data = try? Fixture.data(path) else {
                report.problems.append("\(path): cannot be loaded")
                continue
            }
            let read = reader(path)
            for mutant in mutator.mutants(of: data, fixture: path) {
                report.mutants += 1
                switch await outcome(of: mutant, read: read, timeLimit: timeLimit) {
                case .value: report.values += 1
                case .error(let error) where isTyped(error): report.typedErrors += 1
                case .error(let error): report.problems.append("\(mutant): untyped \(type(of: error))")
                case .hang: report.problems.append("\(mutant): did not finish within \(timeLimit)")
                }
            }
        }
        return report
    }

    private enum Outcome: Sendable {
        case value
        case error(any Error)
        case hang
    }

    private static func outcome(of mutant: Mutant, read: @escaping Reader, timeLimit: Duration) async -> Outcome {
        await withTaskGroup(of: Outcome?.self) { group in
            group.addTask {
                do {
                    try await read(mutant.fixture, mutant.data)
                    return .value
                } catch {
                    return .error(error)
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeLimit)
                return Task.isCancelled ? nil : .hang
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .hang
        }
    }
}
