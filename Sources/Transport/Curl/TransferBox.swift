import Synchronization

/// Hands a transfer created inside `withCheckedContinuation` to a cancellation handler that
/// may run before, during or after its creation.
final class TransferBox: Sendable {
    private let state = Mutex<(transfer: (any CancellableTransfer)?, cancelled: Bool)>((nil, false))

    func set(_ transfer: any CancellableTransfer) {
        let cancelled = state.withLock { state in
            state.transfer = transfer
            return state.cancelled
        }
        if cancelled { transfer.requestCancel() }
    }

    func cancel() {
        let transfer = state.withLock { state in
            state.cancelled = true
            return state.transfer
        }
        transfer?.requestCancel()
    }
}

/// A transfer that can be asked to stop from any thread.
protocol CancellableTransfer: Sendable {
    func requestCancel()
}
