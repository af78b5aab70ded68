import AuthCore
import Foundation

/// Small helpers shared by every test target.
public enum TestHelpers {
    /// A client over `transport` with a virtual clock, seeded jitter and no retries unless given.
    public static func client(
        baseURL: String = "https://api.example.test",
        transport: any HTTPTransport,
        clock: TestClock = TestClock(),
        retryPolicy: APIRetryPolicy = .none,
        configure: (inout APIClient.Configuration) -> Void = { _ in }
    ) throws -> APIClient {
        var configuration = APIClient.Configuration(
            baseURL: URL(string: baseURL)!,
            retryPolicy: retryPolicy,
            timeSource: clock,
            random: .seeded(42)
        )
        configure(&configuration)
        return try APIClient(configuration: configuration, transport: transport)
    }

    /// Runs `body` and returns the `APIError` it threw, or `nil` if it did not throw one.
    public static func apiError<T>(_ body: () async throws -> T) async -> APIError? {
        do {
            _ = try await body()
            return nil
        } catch let error as APIError {
            return error
        } catch {
            return nil
        }
    }
}
