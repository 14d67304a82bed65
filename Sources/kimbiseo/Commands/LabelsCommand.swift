import ArgumentParser

/// `kimbiseo labels` — DM address stickers (DM발송용 주소 라벨) as a PDF for real label sheets.
struct LabelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "DM 주소 라벨 — address-sticker PDFs for a group, a grade or chosen customers.",
        discussion: """
            Lays out each customer's road-name address, detail, company (work
            address), name with one honorific and the 5-digit postcode in Korea
            Post's order, in NanumGothic at 11 pt (never below labels.min_font_size,
            9 pt), on a Formtec, Avery or custom sheet.

            Examples:
              kimbiseo labels --group 거래처 --sheet LS-3108 -o dm.pdf
              kimbiseo labels --grade VIP --sheet LS-3107 --honorific 귀하 \\
                  --sort postcode -o vip.pdf
              kimbiseo labels --all --sheet LS-3108 --start-at 5 --outline \\
                  --preview first.png -o test.pdf
              kimbiseo labels sheets
            """,
        subcommands: [Print.self, Sheets.self],
        defaultSubcommand: Print.self
    )
}
