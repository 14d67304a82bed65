import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Blocks until a file whose name starts with `namePrefix` changes in `directory` (inotify),
/// a timeout passes, or ``interrupt()`` is called. Without inotify (not Linux, or the watch
/// could not be added) it simply sleeps for the timeout.
final class DirectoryNotifier: @unchecked Sendable {
    private let namePrefix: String
    private var inotifyFD: Int32 = -1
    /// A pipe whose read end wakes `poll` when ``interrupt()`` writes to it.
    private var wakeRead: Int32 = -1
    private var wakeWrite: Int32 = -1

    init(directory: String, namePrefix: String) {
        self.namePrefix = namePrefix
        #if canImport(Glibc)
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            wakeRead = fds[0]; wakeWrite = fds[1]
            _ = fcntl(wakeRead, F_SETFL, O_NONBLOCK)
        }
        let fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        if fd >= 0 {
            let mask = UInt32(IN_MODIFY) | UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE)
            if inotify_add_watch(fd, directory, mask) >= 0 {
                inotifyFD = fd
            } else {
                Glibc.close(fd)
            }
        }
        #endif
    }

    /// Waits for a relevant event, the timeout or an interrupt.
    func wait(timeoutMilliseconds: Int32) {
        #if canImport(Glibc)
        guard inotifyFD >= 0 else {
            var fds = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 1, timeoutMilliseconds)
            return
        }
        var remaining = timeoutMilliseconds
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeoutMilliseconds) * 1_000_000
        while remaining > 0 {
            var fds = [pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let n = poll(&fds, 2, remaining)
            if n <= 0 || fds[1].revents != 0 { return }
            if drainEvents() { return }
            let now = DispatchTime.now().uptimeNanoseconds
            remaining = now >= deadline ? 0 : Int32((deadline - now) / 1_000_000)
        }
        #else
        Thread.sleep(forTimeInterval: Double(timeoutMilliseconds) / 1000)
        #endif
    }

    /// Makes a pending or the next ``wait(timeoutMilliseconds:)`` return at once.
    func interrupt() {
        #if canImport(Glibc)
        var byte: UInt8 = 1
        if wakeWrite >= 0 { _ = Glibc.write(wakeWrite, &byte, 1) }
        #endif
    }

    func close() {
        #if canImport(Glibc)
        for fd in [inotifyFD, wakeRead, wakeWrite] where fd >= 0 { Glibc.close(fd) }
        inotifyFD = -1; wakeRead = -1; wakeWrite = -1
        #endif
    }

    #if canImport(Glibc)
    /// Reads every queued inotify event; returns whether one concerns our files.
    private func drainEvents() -> Bool {
        var relevant = false
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(inotifyFD, buffer, size)
            if count <= 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                if event.len > 0 {
                    let name = String(cString: buffer.advanced(by: nameStart).assumingMemoryBound(to: CChar.self))
                    if name.hasPrefix(namePrefix) { relevant = true }
                }
                offset = nameStart + Int(event.len)
            }
        }
        return relevant
    }
    #endif
}
