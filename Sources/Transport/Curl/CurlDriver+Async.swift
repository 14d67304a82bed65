extension CurlDriver {
    /// Submits the transfer `make` builds around a continuation and suspends until the
    /// driver thread resumes it. Cancelling the calling task asks the driver to abort the
    /// transfer; the transfer still resumes exactly once, with its cancellation result.
    func perform<Success: Sendable, Failure: Error>(
        _ make: (CheckedContinuation<Result<Success, Failure>, Never>) -> some CurlTransfer & CancellableTransfer
    ) async -> Result<Success, Failure> {
        let box = TransferBox()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let transfer = make(continuation)
                box.set(transfer)
                submit(transfer)
            }
        } onCancel: {
            box.cancel()
            wake()
        }
    }
}
