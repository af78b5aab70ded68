/// A topology module with its live status merged in (by id): what a dashboard shows.
///
/// Hand-written convenience over the two wire models ``BticinoModule`` and ``BticinoModuleStatus``.
public struct BticinoModuleState: Sendable, Equatable {
    /// The module from the topology.
    public var module: BticinoModule
    /// Its status, when `homestatus` reported it.
    public var status: BticinoModuleStatus?

    /// Creates a merged module.
    public init(module: BticinoModule, status: BticinoModuleStatus?) {
        self.module = module
        self.status = status
    }

    /// The module id.
    public var id: String { module.id }
    /// Whether the module is reachable: the status says, else the topology, else `false`.
    public var isReachable: Bool { status?.reachable ?? module.reachable ?? false }
    /// Whether a door lock is locked; `true` when not reported (a lock relocks itself).
    public var isLocked: Bool { status?.lock ?? true }
    /// Whether a staircase light is on; `false` when not reported.
    public var isLightOn: Bool { status?.status == "on" }
    /// The firmware name or revision, when reported.
    public var firmware: String? {
        status?.firmwareName ?? status?.firmwareRevision.map(String.init)
    }
    /// The variant, for example `BNDL:bndl_doorlock`.
    public var variant: String? { status?.variant }
}
