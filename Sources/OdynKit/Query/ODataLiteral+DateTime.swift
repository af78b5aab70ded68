import AuthCore
import Foundation

extension ODataLiteral {
    /// The most fractional digits written: Business Central keeps date-times to 100 ns.
    static let maximumFractionDigits = 7

    /// `date` as ISO 8601 in UTC, with the shortest fraction of at most seven digits that reads back
    /// as the same `Date` (so `.5` stays `.5` and a 100 ns value keeps all seven digits), and no
    /// fraction for a whole second. Written by AuthCore's `RFC3339`, without a formatter per value.
    static func iso8601(_ date: Date) -> String {
        RFC3339.string(from: date, maximumFractionDigits: maximumFractionDigits)
    }
}
