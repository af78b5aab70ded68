extension Secret {
    /// Whether `presented` equals the secret, compared without an early exit so the time taken
    /// does not tell an attacker how much of a guess was right (only the lengths can differ in time).
    ///
    /// For values a peer presents: OAuth `state`, a webhook's bearer secret, a shared key.
    public func matches(_ presented: String) -> Bool {
        let expected = Array(revealed.utf8)
        let given = Array(presented.utf8)
        var difference = UInt8(expected.count == given.count ? 0 : 1)
        for index in 0..<max(expected.count, given.count) {
            let left = index < expected.count ? expected[index] : 0
            let right = index < given.count ? given[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
