import CurlShim
import Foundation
import Synchronization

/// One `curl_multi` handle driven by one dedicated thread.
///
/// libcurl's handles are not thread-safe, and `curl_easy_perform` blocks, so neither may run
/// on Swift's cooperative pool. The driver thread owns the multi handle and every easy handle;
/// other threads only append to a mutex-protected inbox and call `curl_multi_wakeup`, the one
/// multi function libcurl documents as callable from another thread.
///
/// The loop: take new transfers from the inbox and add them, drop cancelled ones,
/// `curl_multi_perform`, collect finished transfers (`curl_multi_info_read`), then sleep in
/// `curl_multi_poll` until a socket is ready, libcurl's own timer fires, or a wakeup arrives.
///
/// Connections live in the multi handle's cache (up to `maxConnections`), so keep-alive works
/// across transfers; finished easy handles are `curl_easy_reset` and kept in a small pool.
/// The driver stops when ``shutdown()`` is called or when it is deinitialized.
final class CurlDriver: Sendable {
    private let loop: DriverLoop

    /// Starts the thread. `maxConnections` sets `CURLMOPT_MAXCONNECTS` (libcurl's default,
    /// 4 × the handles currently added, shrinks as handles finish and then closes idle
    /// keep-alive connections); `maxIdleHandles` bounds the pool of reset easy handles.
    init(name: String, maxConnections: Int, maxIdleHandles: Int) {
        CurlGlobal.ensureInitialized()
        guard let multi = curl_multi_init() else {
            fatalError("curl_multi_init failed (out of memory)")
        }
        _ = cshim_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxConnections)
        let loop = DriverLoop(multi: multi, maxIdleHandles: maxIdleHandles)
        self.loop = loop
        let thread = Thread { loop.run() }
        thread.name = name
        thread.start()
    }

    deinit {
        shutdown()
    }

    /// Queues a transfer. After ``shutdown()`` the transfer is abandoned at once.
    func submit(_ transfer: any CurlTransfer) {
        let accepted = loop.inbox.withLock { inbox in
            if inbox.stopping { return false }
            inbox.transfers.append(transfer)
            return true
        }
        if accepted {
            wake()
        } else {
            transfer.abandon(.shutDown)
        }
    }

    /// Wakes the loop so it notices a transfer's cancel request.
    func wake() {
        loop.wake()
    }

    /// Stops the thread: queued and running transfers end as shut down, connections are
    /// closed and the handles freed. Idempotent; returns without waiting for the thread.
    func shutdown() {
        let first = loop.inbox.withLock { inbox in
            defer { inbox.stopping = true }
            return !inbox.stopping
        }
        if first { wake() }
    }
}

/// What other threads hand to the driver thread.
struct CurlDriverInbox: ~Copyable {
    var transfers: [any CurlTransfer] = []
    var stopping = false
    /// Set by the driver thread, under the lock, just before `curl_multi_cleanup`: from then
    /// on nobody may call `curl_multi_wakeup`.
    var closed = false
}

/// The driver thread's state.
private final class DriverLoop: @unchecked Sendable {
    // @unchecked: `inbox` is a Mutex and `multi` is only shared for `curl_multi_wakeup`
    // (documented thread-safe); `active` and `idle` are touched by the driver thread only.
    let inbox = Mutex(CurlDriverInbox())
    private let multi: UnsafeMutableRawPointer
    private let maxIdleHandles: Int
    private var active: [UnsafeMutableRawPointer: any CurlTransfer] = [:]
    private var idle: [UnsafeMutableRawPointer] = []

    init(multi: UnsafeMutableRawPointer, maxIdleHandles: Int) {
        self.multi = multi
        self.maxIdleHandles = maxIdleHandles
    }

    /// Wakes `curl_multi_poll`. Holding the lock keeps the call from racing with
    /// `curl_multi_cleanup` at shutdown.
    func wake() {
        inbox.withLock { inbox in
            if !inbox.closed { _ = curl_multi_wakeup(multi) }
        }
    }

    func run() {
        var running: Int32 = 0
        var message = cshim_multi_message()
        while true {
            let (incoming, stopping) = inbox.withLock { inbox in
                defer { inbox.transfers.removeAll(keepingCapacity: true) }
                return (inbox.transfers, inbox.stopping)
            }
            if stopping {
                for transfer in incoming { transfer.abandon(.shutDown) }
                for (easy, transfer) in active {
                    curl_multi_remove_handle(multi, easy)
                    transfer.finish(on: CurlEasy(raw: easy), code: CURLE_ABORTED_BY_CALLBACK, cancelled: true)
                    curl_easy_cleanup(easy)
                }
                active.removeAll()
                break
            }
            for transfer in incoming { add(transfer) }
            for (easy, transfer) in active where transfer.isCancelRequested {
                active[easy] = nil
                curl_multi_remove_handle(multi, easy)
                transfer.finish(on: CurlEasy(raw: easy), code: CURLE_ABORTED_BY_CALLBACK, cancelled: true)
                recycle(easy)
            }

            _ = curl_multi_perform(multi, &running)
            while cshim_multi_info_read(multi, &message) != 0 {
                guard message.done != 0, let easy = message.easy,
                    let transfer = active.removeValue(forKey: easy)
                else { continue }
                curl_multi_remove_handle(multi, easy)
                transfer.finish(on: CurlEasy(raw: easy), code: message.result, cancelled: false)
                recycle(easy)
            }
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        inbox.withLock { $0.closed = true }
        for easy in idle { curl_easy_cleanup(easy) }
        idle.removeAll()
        curl_multi_cleanup(multi)
    }

    private func add(_ transfer: any CurlTransfer) {
        if transfer.isCancelRequested {
            transfer.abandon(.cancelled)
            return
        }
        guard let easy = idle.popLast() ?? curl_easy_init() else {
            transfer.abandon(.setupFailed(CurlOptionError(option: 0, code: Int(CURLE_OUT_OF_MEMORY.rawValue))))
            return
        }
        do {
            try transfer.start(on: CurlEasy(raw: easy))
        } catch {
            curl_easy_reset(easy)
            idle.append(easy)
            transfer.abandon(.setupFailed(error))
            return
        }
        let added = curl_multi_add_handle(multi, easy)
        guard added == CURLM_OK else {
            curl_easy_reset(easy)
            idle.append(easy)
            transfer.abandon(.setupFailed(CurlOptionError(option: 0, code: Int(CURLE_FAILED_INIT.rawValue))))
            return
        }
        active[easy] = transfer
    }

    /// Resets a finished handle and keeps it for the next transfer. The connection it used
    /// stays in the multi handle's cache either way.
    private func recycle(_ easy: UnsafeMutableRawPointer) {
        if idle.count < maxIdleHandles {
            curl_easy_reset(easy)
            idle.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
    }
}
