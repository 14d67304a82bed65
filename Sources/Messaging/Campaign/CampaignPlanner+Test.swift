import Foundation
import GRDB
import Store

extension CampaignPlanner {
    /// `campaign test`: renders `template` as customer `customerID` would receive it and queues
    /// it, as a one-message campaign of kind `test`, to the operator's phone `to`.
    ///
    /// The customer's consent does not apply (the message goes to the operator), nor do quiet
    /// hours; the advertising wrapper does when `isAd`. Throws
    /// ``MessagingError/invalidPhone(_:)``, ``MessagingError/customerNotFound(_:)``, or
    /// ``TestMessageError`` when the text rendered for that customer cannot be sent.
    public func createTest(template: MessageTemplate, templateName: String?, customerID: Int64, to phone: String, isAd: Bool)
        throws -> CampaignSummary
    {
        guard let to = PhoneNumber.normalize(phone), PhoneNumber.isMobile(to) else {
            throw MessagingError.invalidPhone(phone)
        }
        let draft = CampaignDraft(
            name: "테스트 발송", kind: .test, templateName: templateName, template: template,
            audience: Audience(customerIDs: [customerID]), isAd: isAd, previewCount: 1)
        let plan = try Plan(draft: draft, settings: settings, now: clock())
        return try store.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: AudienceRow.select + " WHERE c.id = ?", arguments: [customerID]) else {
                throw MessagingError.customerNotFound(customerID)
            }
            let group = try String.fetchOne(db, sql: "SELECT name FROM customer_group WHERE id = ?", arguments: [row[9] as Int64?])
            let grade = try String.fetchOne(db, sql: "SELECT name FROM customer_grade WHERE id = ?", arguments: [row[10] as Int64?])
            var customer = AudienceRow(row: row, groups: [:], grades: [:])
            customer.group = group
            customer.grade = grade
            customer.mobile = to
            customer.adConsent = nil
            customer.nightConsent = nil
            customer.optedOut = nil
            let composed = plan.composer.compose(customer.fields)
            if case let .blocked(why) = composed.classification { throw TestMessageError(reason: why) }
            let campaignID = try plan.insertCampaign(db)
            let inserter = MessageSink.inserter(db)
            var run = PlanRun(plan: plan, sink: MessageSink(campaignID: campaignID, inserter: inserter))
            // Neither consent nor quiet hours apply to the operator's own phone.
            run.ignoreConsent = true
            try run.consider(customer, db: db)
            try inserter.flush()
            let summary = run.summary(campaignID: campaignID, dryRun: false)
            try plan.finish(db, campaignID: campaignID, summary: summary)
            return summary
        }
    }
}

/// The test message cannot be sent as rendered for that customer.
public struct TestMessageError: Error, Sendable, CustomStringConvertible {
    public var reason: BlockReason
    public var description: String { "the message cannot be sent: \(reason.english) (\(reason.korean))" }
}
