/// A cell that could not be read; the decoder adds file, row and column.
struct FieldError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
