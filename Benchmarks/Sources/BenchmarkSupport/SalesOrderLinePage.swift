import Foundation

/// Business Central `salesOrderLines` pages: amounts in most fields, a line kind, and a shipment
/// date that is often BC's blank `0001-01-01`. Generated like ``CustomerPage``.
public enum SalesOrderLinePage {
    /// A page of `records` lines.
    public static func json(records: Int = CustomerPage.defaultRecordCount) -> Data {
        var text = #"{"@odata.context":"https://api.businesscentral.dynamics.com/v2.0/"#
        text += #"11111111-2222-3333-4444-555555555555/Production/api/v2.0/$metadata#salesOrderLines","value":["#
        text.reserveCapacity(records * 1_100)
        for index in 0..<records {
            if index > 0 { text += "," }
            text += record(index)
        }
        return Data((text + "]}").utf8)
    }

    /// One line object.
    static func record(_ index: Int) -> String {
        let kinds = ["Item", "Item", "Item", "Resource", "Account", "Comment", "Fixed Asset", "Charge"]
        let hex = String(index, radix: 16)
        let id = "f0000000-0000-0000-0000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        func amount(_ seed: Int) -> String {
            let cents = (index &* 7_919 &+ seed &* 104_729) % 10_000_000
            return "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        }
        let shipment = index % 3 == 0 ? "0001-01-01" : "2025-0\(1 + index % 9)-\(10 + index % 19)"
        var fields: [String] = []
        fields.append(#""@odata.etag":"W/\"JzE5OzEyMTIxMjEy\#(index);MDA7Jw==\"""#)
        fields.append(#""id":"\#(id)""#)
        fields.append(#""documentId":"f0000000-0000-0000-0000-000000000101""#)
        fields.append(#""sequence":\#(10_000 * (1 + index % 50))"#)
        fields.append(#""itemId":"a0000000-0000-0000-0000-000000000001""#)
        fields.append(#""accountId":"00000000-0000-0000-0000-000000000000""#)
        fields.append(#""lineType":"\#(kinds[index % kinds.count])""#)
        fields.append(#""lineObjectNumber":"\#(1_000 + index % 900)""#)
        fields.append(#""description":"Touring bike, size \#(48 + index % 14)""#)
        fields.append(#""unitOfMeasureId":"00000000-0000-0000-0000-0000000000cc""#)
        fields.append(#""unitOfMeasureCode":"PCS""#)
        fields.append(#""quantity":\#(1 + index % 20)"#)
        fields.append(#""unitPrice":\#(amount(1))"#)
        fields.append(#""discountAmount":\#(index % 4 == 0 ? amount(2) : "0")"#)
        fields.append(#""discountPercent":\#(index % 4 == 0 ? "5" : "0")"#)
        fields.append(#""discountAppliedBeforeTax":\#(index % 2 == 0)"#)
        fields.append(#""amountExcludingTax":\#(amount(3))"#)
        fields.append(#""taxCode":"TAXABLE""#)
        fields.append(#""taxPercent":\#(index % 5 == 0 ? "0" : "8.25")"#)
        fields.append(#""totalTaxAmount":\#(amount(4))"#)
        fields.append(#""amountIncludingTax":\#(amount(5))"#)
        fields.append(#""invoiceDiscountAllocation":0"#)
        fields.append(#""netAmount":\#(amount(6))"#)
        fields.append(#""netTaxAmount":\#(amount(7))"#)
        fields.append(#""netAmountIncludingTax":\#(amount(8))"#)
        fields.append(#""shipmentDate":"\#(shipment)""#)
        fields.append(#""shippedQuantity":0"#)
        fields.append(#""invoicedQuantity":0"#)
        fields.append(#""invoiceQuantity":\#(1 + index % 20)"#)
        fields.append(#""shipQuantity":\#(1 + index % 20)"#)
        fields.append(#""itemVariantId":"00000000-0000-0000-0000-000000000000""#)
        return "{" + fields.joined(separator: ",") + "}"
    }
}
