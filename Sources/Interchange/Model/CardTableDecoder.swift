import Store

/// Turns the rows of a table (CSV or a worksheet) into cards, collecting every problem.
///
/// Columns are matched by header (``CustomerColumn/matching(header:)``). Empty rows are
/// skipped; missing trailing cells are empty. A problem names the header as the file
/// writes it.
struct CardTableDecoder {
    let file: String
    let parser: FieldParser
    private(set) var problems: [ImportProblem] = []
    /// The column each cell position holds (`nil`: ignored).
    private var columns: [CustomerColumn?] = []
    /// The header text of each cell position, cleaned.
    private var titles: [String] = []
    /// The header text of each canonical column present, by ``CustomerColumn/rawValue``.
    private var headerText: [String?] = Array(repeating: nil, count: CustomerColumn.allCases.count)
    /// The cell position of each canonical column present, by ``CustomerColumn/rawValue``.
    private var position: [Int] = Array(repeating: Int.max, count: CustomerColumn.allCases.count)

    init(file: String, header: [String], headerRow: Int = 1, options: ImportOptions) {
        self.file = file
        self.parser = FieldParser(today: options.today)
        for text in header {
            let title = TextNormalization.clean(text)
            titles.append(title)
            guard !title.isEmpty else { columns.append(nil); continue }
            guard let column = CustomerColumn.matching(header: title) else {
                if !options.ignoreUnknown {
                    problems.append(ImportProblem(
                        file: file, row: headerRow, column: title,
                        message: "unknown column (use --ignore-unknown to skip it)"))
                }
                columns.append(nil)
                continue
            }
            if let earlier = headerText[column.rawValue] {
                problems.append(ImportProblem(
                    file: file, row: headerRow, column: title,
                    message: "names the same column as '\(earlier)'"))
                columns.append(nil)
                continue
            }
            headerText[column.rawValue] = title
            position[column.rawValue] = columns.count
            columns.append(column)
        }
        if headerText[CustomerColumn.name.rawValue] == nil {
            problems.append(ImportProblem(
                file: file, row: headerRow, message: "no 성명 (name) column in the header"))
        }
    }

    /// Whether a row reads as the header: one of its cells names the 성명 column. Rows above
    /// it (a title such as `고객명단 2026년 12월`, a date, blank cells) are not data.
    static func isHeader(_ cells: [String]) -> Bool {
        cells.contains { CustomerColumn.matching(header: TextNormalization.clean($0)) == .name }
    }

    /// How many non-empty rows at the top of a sheet are searched for the header row.
    static let headerSearchRows = 10

    /// Whether the header names the column.
    func has(_ column: CustomerColumn) -> Bool { headerText[column.rawValue] != nil }

    /// The header text at a cell position (its 1-based number when it has none).
    func title(at index: Int) -> String {
        index < titles.count && !titles[index].isEmpty ? titles[index] : "\(index + 1)"
    }

    /// The column at a cell position, if the header names a known one.
    func column(at index: Int) -> CustomerColumn? {
        index < columns.count ? columns[index] : nil
    }

    /// The card in one row, or `nil` when the row is empty or has problems (recorded).
    mutating func decode(cells: [String], row: Int) -> SourcedCard? {
        var texts = [String?](repeating: nil, count: CustomerColumn.allCases.count)
        var any = false
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            let text = TextNormalization.clean(cell)
            guard !text.isEmpty else { continue }
            any = true
            if index < columns.count {
                if let column = columns[index] { texts[column.rawValue] = text }
            } else {
                problems.append(ImportProblem(
                    file: file, row: row, column: "\(index + 1)",
                    message: "'\(text)' is in a column without a header"))
            }
        }
        guard any else { return nil }
        var card = CustomerCard(name: "")
        var ok = true
        var found: [(position: Int, problem: ImportProblem)] = []
        defer { problems += found.sorted { $0.position < $1.position }.map(\.problem) }

        func read<T>(_ column: CustomerColumn, _ parse: (String) throws(FieldError) -> T) -> T? {
            guard let text = texts[column.rawValue] else { return nil }
            do {
                return try parse(text)
            } catch {
                ok = false
                found.append((position[column.rawValue], ImportProblem(
                    file: file, row: row, column: headerText[column.rawValue], message: error.message)))
                return nil
            }
        }
        let plain: (String) throws(FieldError) -> String = { $0 }

        card.code = read(.code, plain)
        card.name = read(.name, plain) ?? ""
        if card.name.isEmpty {
            ok = false
            found.append((position[CustomerColumn.name.rawValue], ImportProblem(
                file: file, row: row, column: headerText[CustomerColumn.name.rawValue] ?? "성명",
                message: "성명 (name) is required")))
        }
        card.nickname = read(.nickname, plain)
        card.gender = read(.gender, parser.gender)
        card.isVIP = read(.vip, parser.flag) ?? false
        card.mobile = read(.mobile, parser.phone)
        card.email = read(.email, parser.email)
        card.group = read(.group, plain)
        card.grade = read(.grade, plain)
        let birthdayCalendar = read(.birthdayCalendar, parser.calendar) ?? .solar
        card.birthday = read(.birthday) { (text) throws(FieldError) in
            try parser.anniversary(text, calendar: birthdayCalendar)
        }
        let weddingCalendar = read(.weddingCalendar, parser.calendar) ?? .solar
        card.wedding = read(.wedding) { (text) throws(FieldError) in
            try parser.anniversary(text, calendar: weddingCalendar)
        }
        card.work = WorkInfo(
            company: read(.company, plain), department: read(.department, plain),
            position: read(.position, plain), rank: read(.rank, plain),
            phone: read(.workPhone, parser.phone), fax: read(.fax, parser.phone),
            postcode: read(.workPostcode, parser.postcode), address: read(.workAddress, plain),
            addressDetail: read(.workAddressDetail, plain))
        card.home = HomeInfo(
            phone: read(.homePhone, parser.phone), postcode: read(.homePostcode, parser.postcode),
            address: read(.homeAddress, plain), addressDetail: read(.homeAddressDetail, plain))
        card.memo = read(.memo, plain)
        card.consent = ConsentLedger(
            adConsent: read(.adConsent, parser.consent) ?? nil,
            nightConsent: read(.nightConsent, parser.consent) ?? nil,
            optedOut: read(.optedOut, parser.consent) ?? nil)
        return ok ? SourcedCard(location: "\(file):\(row)", card: card) : nil
    }
}
