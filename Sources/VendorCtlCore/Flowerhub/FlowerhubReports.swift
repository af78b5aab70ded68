import FlowerhubKit
import Foundation

/// What the Flowerhub commands print: the JSON documents and their tables.
enum FlowerhubReports {
    struct Login: Encodable {
        var baseURL: String
        var username: String
        var user: FlowerhubUser?
        var assetOwnerId: Int?
        var refreshTokenExpirationDate: String?
        var sessionFile: String

        var table: String {
            var list = FieldList()
            list.add("portal", baseURL)
            list.add("user", username)
            list.add("name", user?.name)
            list.add("asset owner", Cell.number(assetOwnerId))
            list.add("session renewable until", refreshTokenExpirationDate)
            list.add("session file", sessionFile)
            return "Signed in to Flowerhub.\n" + list.rendered
        }
    }

    struct Logout: Encodable {
        var removed: Bool
        var sessionFile: String

        var text: String {
            removed ? "Signed out: removed \(sessionFile)\n" : "Not signed in: there is no \(sessionFile)\n"
        }
    }

    struct Status: Encodable {
        var username: String?
        var assetOwnerId: Int?
        var assetId: Int
        var status: FlowerhubStatus
        var asset: FlowerhubAsset

        var table: String {
            var list = FieldList()
            list.add("user", username)
            list.add("asset owner", Cell.number(assetOwnerId))
            list.add("asset", String(assetId))
            list.add("status", status.status)
            list.add("message", status.message)
            list.add("checked at", Cell.date(status.updatedAt))
            list.add("inverter", Self.join(asset.inverter?.manufacturerName, asset.inverter?.name))
            let capacity = asset.battery?.energyCapacity.map { Cell.number($0, decimals: 1) + " kWh" }
            list.add("battery", Self.join(asset.battery?.manufacturerName, asset.battery?.name, capacity))
            list.add("fuse", asset.fuseSize.map { "\($0) A" })
            list.add("installed", Cell.flag(asset.isInstalled))
            return list.rendered
        }

        static func join(_ parts: String?...) -> String? {
            let present = parts.compactMap { $0 }.filter { !$0.isEmpty }
            return present.isEmpty ? nil : present.joined(separator: " ")
        }
    }

    struct UptimePie: Encodable {
        var assetId: Int
        var period: String
        var pie: FlowerhubUptimePie

        var table: String {
            var list = FieldList()
            list.add("asset", String(assetId))
            list.add("period", period)
            list.add("uptime (s)", Cell.number(pie.uptime, decimals: 0))
            list.add("downtime (s)", Cell.number(pie.downtime, decimals: 0))
            list.add("no data (s)", Cell.number(pie.noData, decimals: 0))
            list.add("uptime of the month", pie.uptimeRatioTotal.map { Cell.number($0) + " %" })
            list.add("uptime while reporting", pie.uptimeRatioActual.map { Cell.number($0) + " %" })
            return list.rendered
        }
    }

    static func table(_ readout: FlowerhubReadout) -> String {
        var list = FieldList()
        list.add("asset owner", String(readout.assetOwnerId))
        list.add("asset", Cell.number(readout.assetId))
        list.add("status", readout.asset?.flowerhubStatus.status)
        list.add("message", readout.asset?.flowerhubStatus.message)
        list.add("uptime this month", readout.uptimePie?.uptimeRatioTotal.map { Cell.number($0) + " %" })
        return list.rendered
    }

    static func table(_ invoices: [FlowerhubInvoice]) -> String {
        var table = TextTable([
            .init("ID"), .init("DATE"), .init("PERIOD"), .init("STATUS"), .init("TOTAL", .right),
            .init("REMAINING", .right), .init("DUE"), .init("TYPE"),
        ])
        for invoice in invoices {
            table.append([
                Cell.text(invoice.id), Cell.text(invoice.invoiceDate), Cell.text(invoice.invoicePeriod),
                Cell.text(invoice.invoiceStatus), Cell.text(invoice.totalAmount), Cell.text(invoice.remainingAmount),
                Cell.text(invoice.dueDate), Cell.text(invoice.invoiceType),
            ])
        }
        return table.rendered
    }

    static func table(_ records: [FlowerhubConsumptionRecord]) -> String {
        var table = TextTable([
            .init("SITE"), .init("FROM"), .init("TO"), .init("MONTH"), .init("KWH", .right), .init("TYPE"),
        ])
        for record in records {
            table.append([
                Cell.text(record.siteId), Cell.text(record.validFrom), Cell.text(record.validTo),
                Cell.text(record.invoicedMonth), Cell.number(record.volume, decimals: 3), Cell.text(record.type),
            ])
        }
        return table.rendered
    }

    static func table(_ agreement: FlowerhubElectricityAgreement) -> String {
        var table = TextTable("SIDE", "STATE", "STATE ID", "SITE", "START", "END")
        for (side, state) in [("consumption", agreement.consumption), ("production", agreement.production)] {
            table.append([
                side, Cell.text(state?.stateCategory), Cell.number(state?.stateId), Cell.number(state?.siteId),
                Cell.text(state?.startDate), Cell.text(state?.terminationDate),
            ])
        }
        return table.rendered
    }

    static func table(_ history: [FlowerhubUptimeHistoryEntry]) -> String {
        var table = TextTable([.init("MONTH"), .init("UPTIME %", .right)])
        for entry in history { table.append([Cell.text(entry.date), Cell.number(entry.uptime)]) }
        return table.rendered
    }

    static func table(_ months: [FlowerhubUptimeMonth]) -> String {
        var table = TextTable("MONTH", "LABEL")
        for month in months { table.append([Cell.text(month.value), Cell.text(month.label)]) }
        return table.rendered
    }

    /// The current month as `YYYY-MM` in the local time zone, as the client's default period.
    static func currentPeriod(at now: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month], from: now)
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        return String(format: "%04d-%02d", year, month)
    }
}
