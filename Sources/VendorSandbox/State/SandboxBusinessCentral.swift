import Foundation
import Synchronization

/// The emulated Business Central environment: one company, and `customers`, `vendors`, `items`,
/// `salesOrders` and `salesOrderLines` generated from a seed in any number, readable with OData
/// queries and writable with ETags.
///
/// ```swift
/// var configuration = VendorSandbox.Configuration()
/// configuration.businessCentral.customers = 1_500
/// configuration.businessCentral.nextLinkStyle = .relative
/// let sandbox = try await VendorSandbox.start(configuration: configuration)
/// sandbox.businessCentral.touch("items", id: itemId)     // another user changed it: its ETag is now stale
/// ```
public final class SandboxBusinessCentral: Sendable {
    /// How `@odata.nextLink` is written.
    public enum NextLinkStyle: Sendable, Equatable {
        /// The whole URL, as Business Central online writes it.
        case absolute
        /// Relative to the page's URL (`customers?$skiptoken=…`), as some OData servers write it.
        case relative
    }

    /// Settings fixed when the sandbox starts.
    public struct Settings: Sendable {
        /// The environment's name in the URL (`…/v2.0/{tenant}/{environment}/api/v2.0/`).
        public var environment: String
        /// How many customers are generated.
        public var customers: Int
        /// How many vendors are generated.
        public var vendors: Int
        /// How many items are generated.
        public var items: Int
        /// How many sales orders are generated.
        public var salesOrders: Int
        /// How many lines each sales order has.
        public var linesPerOrder: Int
        /// The seed: the same seed gives the same records.
        public var seed: UInt64
        /// The most records on one page; `Prefer: odata.maxpagesize` asks for fewer. Business
        /// Central online's limit is 20,000.
        public var maxPageSize: Int
        /// How next links are written.
        public var nextLinkStyle: NextLinkStyle
        /// The status of an update or delete without `If-Match` (428; Business Central online
        /// answers 400, with the same `BadRequest_InvalidToken` body).
        public var missingIfMatchStatus: Int
        /// The status of an update or delete with a stale ETag (409 as Business Central; 412 as
        /// generic OData servers), always with `Request_EntityChanged`.
        public var staleETagStatus: Int

        /// Creates settings; a small data set by default.
        public init(
            environment: String = "Sandbox",
            customers: Int = 60,
            vendors: Int = 20,
            items: Int = 40,
            salesOrders: Int = 15,
            linesPerOrder: Int = 3,
            seed: UInt64 = 42,
            maxPageSize: Int = 20_000,
            nextLinkStyle: NextLinkStyle = .absolute,
            missingIfMatchStatus: Int = 428,
            staleETagStatus: Int = 409
        ) {
            self.environment = environment
            self.customers = customers
            self.vendors = vendors
            self.items = items
            self.salesOrders = salesOrders
            self.linesPerOrder = linesPerOrder
            self.seed = seed
            self.maxPageSize = maxPageSize
            self.nextLinkStyle = nextLinkStyle
            self.missingIfMatchStatus = missingIfMatchStatus
            self.staleETagStatus = staleETagStatus
        }
    }

    private struct State {
        var settings: Settings
        var store: BusinessCentralStore
    }

    private let state: Mutex<State>
    private let initial: Settings
    /// The company's id.
    public let companyId: String

    init(settings: Settings) {
        self.initial = settings
        let store = SandboxBusinessCentral.makeStore(settings)
        self.companyId = store.companyId
        self.state = Mutex(State(settings: settings, store: store))
    }

    /// The settings in force.
    public var settings: Settings { state.withLock { $0.settings } }

    /// Writes next links `style` from now on.
    public func setNextLinkStyle(_ style: NextLinkStyle) {
        state.withLock { $0.settings.nextLinkStyle = style }
    }

    /// Limits pages to `size` records from now on (at least 1).
    public func setMaxPageSize(_ size: Int) {
        state.withLock { $0.settings.maxPageSize = max(1, size) }
    }

    /// How many records `set` holds (`customers`, `salesOrderLines`…).
    public func recordCount(in set: String) -> Int {
        state.withLock { $0.store.tables[set]?.count ?? 0 }
    }

    /// The ids of `set`'s records, in order.
    public func ids(in set: String) -> [String] {
        state.withLock { $0.store.tables[set]?.compactMap { $0.fields["id"]?.stringValue } ?? [] }
    }

    /// The current ETag of a record; `nil` when there is none with that id.
    public func etag(in set: String, id: String) -> String? {
        state.withLock { state in state.store.index(of: id, in: set).map { state.store.tables[set]?[$0].etag ?? "" } }
    }

    /// The record as JSON (`@odata.etag` included); `nil` when there is none with that id.
    public func recordJSON(in set: String, id: String) -> Data? {
        state.withLock { state in
            guard let index = state.store.index(of: id, in: set), let record = state.store.tables[set]?[index] else {
                return nil
            }
            var object = SandboxJSONObject([("@odata.etag", .string(record.etag))])
            for (key, value) in record.fields.members { object[key] = value }
            return SandboxJSON.object(object).data
        }
    }

    /// Changes a record as another user would (its `lastModifiedDateTime` and ETag), so an ETag a
    /// client read before is now stale. Returns the new ETag; `nil` when there is no such record.
    @discardableResult
    public func touch(_ set: String, id: String) -> String? {
        state.withLock { state in
            guard let index = state.store.index(of: id, in: set) else { return nil }
            let etag = state.store.nextETag()
            state.store.tables[set]?[index].etag = etag
            state.store.tables[set]?[index].fields["lastModifiedDateTime"] = .string(
                BusinessCentralDataSet.dateTime(minutes: 1_000_000))
            return etag
        }
    }

    /// Runs `body` on the data, under the lock.
    func withStore<T: Sendable>(_ body: (inout BusinessCentralStore, Settings) -> T) -> T {
        state.withLock { state in body(&state.store, state.settings) }
    }

    /// Back to the settings and data the sandbox started with.
    func reset() {
        state.withLock { $0 = State(settings: initial, store: SandboxBusinessCentral.makeStore(initial)) }
    }

    private static func makeStore(_ settings: Settings) -> BusinessCentralStore {
        let dataSet = BusinessCentralDataSet(
            seed: settings.seed, customers: settings.customers, vendors: settings.vendors, items: settings.items,
            salesOrders: settings.salesOrders, linesPerOrder: settings.linesPerOrder)
        return BusinessCentralStore(dataSet: dataSet, seed: settings.seed)
    }
}
