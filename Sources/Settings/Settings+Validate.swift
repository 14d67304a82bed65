extension Settings {
    /// Checks values that decode but make no sense (a time `25:00`, a negative rate).
    /// Throws ``SettingsError`` naming the setting.
    public func validate() throws {
        func time(_ value: String, _ key: String) throws {
            let parts = value.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
                (0..<24).contains(h), (0..<60).contains(m), parts[1].count == 2
            else { throw SettingsError(message: "setting '\(key)': '\(value)' is not a time of day HH:MM") }
        }
        try time(sms.quietHours.start, "sms.quiet_hours.start")
        try time(sms.quietHours.end, "sms.quiet_hours.end")
        try time(anniversaries.sendAt, "anniversaries.send_at")
        try time(reminders.emailAt, "reminders.email_at")
        guard sms.ratePerSecond > 0 else {
            throw SettingsError(message: "setting 'sms.rate_per_second': must be greater than 0")
        }
        guard ["spool", "aligo", "solapi", "http"].contains(sms.gateway.kind) else {
            throw SettingsError(message: "setting 'sms.gateway.kind': '\(sms.gateway.kind)' is not one of spool, aligo, solapi, http")
        }
        guard ["spool", "smtp"].contains(mail.kind) else {
            throw SettingsError(message: "setting 'mail.kind': '\(mail.kind)' is not one of spool, smtp")
        }
        guard ["leap-if-present", "always-regular", "skip"].contains(anniversaries.leapPolicy) else {
            throw SettingsError(message: "setting 'anniversaries.leap_policy': '\(anniversaries.leapPolicy)' is not one of leap-if-present, always-regular, skip")
        }
        guard ["last-day", "next-day"].contains(anniversaries.day30) else {
            throw SettingsError(message: "setting 'anniversaries.day30': '\(anniversaries.day30)' is not one of last-day, next-day")
        }
        guard ["feb28", "mar1"].contains(anniversaries.feb29) else {
            throw SettingsError(message: "setting 'anniversaries.feb29': '\(anniversaries.feb29)' is not one of feb28, mar1")
        }
        guard sms.adConsentValidDays > 0 else {
            throw SettingsError(message: "setting 'sms.ad_consent_valid_days': must be greater than 0")
        }
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(log.level) else {
            throw SettingsError(message: "setting 'log.level': '\(log.level)' is not a log level")
        }
        try sms.refuseExamplesForRealGateways()
    }
}
