/// The pages a page sequence has read, for its loop guard, kept as fixed-size digests of their
/// links: a sync of any length costs two machine words per page, however long the links, instead
/// of a copy of every URL it followed.
///
/// A digest is two hashes of the link (with different prefixes) under the process's random hashing
/// seed, so a server cannot choose links that collide, and two different links share a digest with
/// a probability of about 2^-128 per pair (2^-64 where `Int` has 32 bits).
struct ODataVisitedLinks {
    private var digests: Set<Digest> = []

    private struct Digest: Hashable {
        let first: Int
        let second: Int
    }

    /// The number of distinct links recorded.
    var count: Int { digests.count }

    /// Records `key` (an ``ODataNextLink/key(_:)``); `false` when it was recorded before.
    @discardableResult
    mutating func insert(_ key: String) -> Bool {
        var first = Hasher()
        first.combine(0 as UInt8)
        first.combine(key)
        var second = Hasher()
        second.combine(1 as UInt8)
        second.combine(key)
        return digests.insert(Digest(first: first.finalize(), second: second.finalize())).inserted
    }
}
