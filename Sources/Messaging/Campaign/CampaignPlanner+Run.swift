import Foundation
import GRDB
import Store

extension CampaignPlanner {
    /// One pass over the audience: counts, exclusions, dedupe, previews, and the rows written
    /// through ``MessageSink`` (absent for a dry run).
    struct PlanRun {
        let plan: Plan
        var sink: MessageSink?
        var customers = 0
        var sms = 0
        var lms = 0
        var held = 0
        var promoted = 0
        /// Phone key → the customer who got the message.
        var phoneOwners: [Int64: Int64] = [:]
        var exclusions: [String: CampaignSummary.Exclusion] = [:]
        var exclusionOrder: [String] = []
        var shared: [CampaignSummary.SharedPhone] = []
        var sharedCount = 0
        var previews: [CampaignSummary.Preview] = []
        var previewSeen = 0
        var random = SystemRandomNumberGenerator()
        /// `campaign test`: the operator's phone, so consent and quiet hours do not apply.
        var ignoreConsent = false

        init(plan: Plan, sink: MessageSink?) {
            self.plan = plan
            self.sink = sink
        }

        /// Considers every customer of the audience and hands their messages to the sink.
        mutating func stream(_ db: Database) throws {
            let groups = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, name FROM customer_group")
                    .map { ($0[0] as Int64, $0[1] as String) })
            let grades = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, name FROM customer_grade")
                    .map { ($0[0] as Int64, $0[1] as String) })
            let (clause, arguments) = plan.audienceSQL()
            let rows = try Row.fetchCursor(db, sql: AudienceRow.select + " \(clause) ORDER BY c.id", arguments: arguments)
            while let row = try rows.next() {
                try consider(AudienceRow(row: row, groups: groups, grades: grades), db: db)
            }
        }

        mutating func consider(_ customer: AudienceRow, db: Database) throws {
            customers += 1
            guard let mobile = customer.mobile, !mobile.isEmpty else {
                exclude(customer, code: "no_mobile", reason: "휴대폰 번호 없음", detail: "")
                return
            }
            guard let phone = Self.mobileDigits(mobile) else {
                exclude(customer, code: "invalid_mobile", reason: "휴대폰 번호 형식 오류", detail: mobile)
                return
            }
            let ledger = ConsentLedger(
                adConsent: customer.adConsent.map { ConsentMark(date: $0) },
                nightConsent: customer.nightConsent.map { ConsentMark(date: $0) },
                optedOut: customer.optedOut.map { ConsentMark(date: $0) })
            let nightConsent: Bool
            switch ignoreConsent
                ? .allowed(nightConsent: true)
                : ConsentPolicy.evaluate(
                    ledger: ledger, now: plan.sendAt, validDays: plan.settings.adConsentValidDays,
                    advertising: plan.draft.isAd)
            {
            case let .excluded(why):
                exclude(customer, code: why.code, reason: Self.reason(why), detail: why.korean)
                return
            case let .allowed(night):
                nightConsent = night
            }
            let composed = plan.composer.compose(customer.fields)
            let type: String, text: String, subject: String?, bytes: Int
            switch composed.classification {
            case let .blocked(why):
                exclude(customer, code: why.code, reason: Self.reason(why), detail: why.korean)
                return
            case let .sms(smsText, smsBytes):
                (type, text, subject, bytes) = ("SMS", smsText, nil, smsBytes)
            case let .lms(lmsSubject, lmsText, lmsBytes):
                (type, text, subject, bytes) = ("LMS", lmsText, lmsSubject, lmsBytes)
            }
            let key = Self.phoneKey(phone)
            if let owner = phoneOwners[key] {
                sharedCount += 1
                if shared.count < CampaignSummary.namesPerReason {
                    let ownerName = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [owner])
                    shared.append(CampaignSummary.SharedPhone(
                        phone: PhoneNumber.masked(phone), keptID: owner, keptName: ownerName ?? "",
                        skippedID: customer.id, skippedName: customer.name))
                }
                return
            }
            phoneOwners[key] = customer.id
            let subjectToQuiet = plan.quietApplies && !nightConsent
            let isHeld = plan.holdAtCreation && subjectToQuiet
            try sink?.insert(
                customerID: customer.id, phone: phone, type: type, subject: subject, text: text, bytes: bytes,
                state: isHeld ? "held" : "pending",
                notBefore: isHeld ? plan.releaseAtText : plan.sendAtText, quietHours: subjectToQuiet)
            if type == "SMS" { sms += 1 } else { lms += 1 }
            if isHeld { held += 1 }
            if composed.promotedToLMSByAd { promoted += 1 }
            samplePreview(customer, phone: phone, type: type, bytes: bytes, subject: subject, text: text, held: isHeld)
        }

        /// Reservoir sampling: every sendable message has the same chance to be shown.
        mutating func samplePreview(
            _ customer: AudienceRow, phone: String, type: String, bytes: Int, subject: String?, text: String,
            held: Bool
        ) {
            let wanted = plan.draft.previewCount
            guard wanted > 0 else { return }
            previewSeen += 1
            let slot: Int
            if previews.count < wanted {
                slot = previews.count
            } else {
                let pick = Int.random(in: 0..<previewSeen, using: &random)
                guard pick < wanted else { return }
                slot = pick
            }
            let preview = CampaignSummary.Preview(
                customerID: customer.id, name: customer.name, phone: PhoneNumber.masked(phone), type: type,
                bytes: bytes, subject: subject, text: text, held: held)
            if slot == previews.count { previews.append(preview) } else { previews[slot] = preview }
        }

        mutating func exclude(_ customer: AudienceRow, code: String, reason: String, detail: String) {
            if exclusions[code] == nil {
                exclusions[code] = CampaignSummary.Exclusion(code: code, reason: reason, count: 0, customers: [])
                exclusionOrder.append(code)
            }
            exclusions[code]!.count += 1
            if exclusions[code]!.customers.count < CampaignSummary.namesPerReason {
                exclusions[code]!.customers.append(
                    CampaignSummary.ExcludedCustomer(id: customer.id, name: customer.name, detail: detail))
            }
        }

        func summary(campaignID: Int64?, dryRun: Bool) -> CampaignSummary {
            CampaignSummary(
                campaignID: campaignID, name: plan.name, isAd: plan.draft.isAd, dryRun: dryRun,
                state: plan.draft.hold ? .paused : .queued, scheduledAt: OutboxTime.seoulMinute(plan.sendAt),
                audience: plan.draft.audience.description, customers: customers, recipients: sms + lms,
                sms: sms, lms: lms, held: held, heldUntil: held > 0 ? OutboxTime.seoulMinute(plan.releaseAt) : nil,
                promotedToLMSByAd: promoted, excluded: exclusionOrder.compactMap { exclusions[$0] },
                sharedPhones: shared, sharedPhoneCount: sharedCount,
                previews: previews.sorted { $0.customerID < $1.customerID })
        }

        /// The digits of a mobile number that can receive SMS, or `nil`.
        static func mobileDigits(_ stored: String) -> String? {
            if stored.utf8.count == 11, stored.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), stored.hasPrefix("010") {
                return stored
            }
            guard let digits = PhoneNumber.normalize(stored), PhoneNumber.isMobile(digits) else { return nil }
            return digits
        }

        /// A number for a digit string that keeps leading zeros apart (`value * 16 + length`).
        static func phoneKey(_ digits: String) -> Int64 {
            var value: Int64 = 0
            for byte in digits.utf8 { value = value &* 10 &+ Int64(byte &- 0x30) }
            return value &* 16 &+ Int64(digits.utf8.count)
        }

        static func reason(_ why: ConsentExclusion) -> String {
            switch why {
            case .optedOut: "수신거부"
            case .noConsent: "광고 수신 동의 없음"
            case .expired: "광고 수신 동의 만료"
            case .invalidDate: "광고 수신 동의일 오류"
            }
        }

        static func reason(_ why: BlockReason) -> String {
            switch why {
            case .missingValue: "치환할 값 없음"
            case .characters: "보낼 수 없는 글자"
            case .tooLong: "LMS 한도 초과"
            case .empty: "내용 없음"
            case .subject: "LMS 제목 오류"
            }
        }
    }

    /// The columns of one customer that a campaign reads.
    struct AudienceRow {
        var id: Int64
        var name: String
        var nickname: String?
        var mobile: String?
        var code: String?
        var company: String?
        var department: String?
        var position: String?
        var rank: String?
        var group: String?
        var grade: String?
        var adConsent: String?
        var nightConsent: String?
        var optedOut: String?

        /// The columns read, in the order ``init(row:groups:grades:)`` expects; append a clause.
        static let select = """
            SELECT c.id, c.name, c.nickname, c.mobile, c.code, c.work_company, c.work_department,
                c.work_position, c.work_rank, c.group_id, c.grade_id,
                c.ad_consent_date, c.night_consent_date, c.opted_out_date
            FROM customer c
            """

        init(row: Row, groups: [Int64: String], grades: [Int64: String]) {
            id = row[0]; name = row[1]; nickname = row[2]; mobile = row[3]; code = row[4]
            company = row[5]; department = row[6]; position = row[7]; rank = row[8]
            group = (row[9] as Int64?).flatMap { groups[$0] }
            grade = (row[10] as Int64?).flatMap { grades[$0] }
            adConsent = row[11]; nightConsent = row[12]; optedOut = row[13]
        }

        var fields: RecipientFields {
            RecipientFields(
                name: name, nickname: nickname, company: company, department: department, position: position,
                rank: rank, group: group, grade: grade, code: code)
        }
    }

    /// Where a plan's message rows go: straight into a ``BulkInserter`` on the same connection,
    /// or to another thread that writes them (see `CampaignPlanner.writeMessages`).
    struct MessageSink {
        /// The `message` columns of a row, in order.
        static let columns = [
            "campaign_id", "customer_id", "phone", "type", "subject", "text", "bytes", "state", "not_before",
            "quiet_hours",
        ]

        let campaignID: Int64
        let write: (BulkRow) throws -> Void

        /// Rows appended to `inserter`; the caller flushes it.
        init(campaignID: Int64, inserter: BulkInserter) {
            self.campaignID = campaignID
            write = { try inserter.append($0) }
        }

        /// Rows handed to `write`, encoded where they are rendered (see ``BulkRow``).
        init(campaignID: Int64, write: @escaping (BulkRow) throws -> Void) {
            self.campaignID = campaignID
            self.write = write
        }

        /// A bulk inserter for message rows that names a refused row by its customer.
        static func inserter(_ db: Database) -> BulkInserter {
            BulkInserter(db, table: "message", columns: columns) { row in
                if case let .integer(id) = row[1] { "customer #\(id)" } else { "" }
            }
        }

        func insert(
            customerID: Int64, phone: String, type: String, subject: String?, text: String, bytes: Int,
            state: String, notBefore: String, quietHours: Bool
        ) throws {
            try write(BulkRow([
                .integer(campaignID), .integer(customerID), .text(phone), .text(type), BulkValue(subject), .text(text),
                BulkValue(bytes), .text(state), .text(notBefore), BulkValue(quietHours),
            ]))
        }
    }
}
