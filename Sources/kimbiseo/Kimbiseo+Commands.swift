import ArgumentParser

extension Kimbiseo {
    /// Every top-level command, in the order `--help` lists them.
    static let commands: [any ParsableCommand.Type] = [
        ServeCommand.self,
        CustomersCommand.self,
        GroupsCommand.self,
        GradesCommand.self,
        ConsentCommand.self,
        TemplatesCommand.self,
        CampaignCommand.self,
        LogCommand.self,
        GatewayCommand.self,
        AnniversariesCommand.self,
        StaffCommand.self,
        RemindersCommand.self,
        CalendarCommand.self,
        LabelsCommand.self,
    ]
}
