import Foundation
import Synchronization

/// systemd's watchdog (sd_watchdog_enabled(3)): when `WatchdogSec=` is set,
/// systemd passes `WATCHDOG_USEC` (and `WATCHDOG_PID`) and expects `WATCHDOG=1`
/// within every interval, or it restarts the service.
///
/// The pings come from ``beat()``, which the daemon calls from the drop
/// watcher's thread (its `heartbeat`, at least once a second while it is
/// healthy): a watcher stuck in a scan or a system call stops the pings, and
/// systemd notices. Pings are spaced a quarter interval apart, so one is always
/// sent within half an interval as sd_watchdog_enabled(3) advises, with a
/// second of heartbeat lateness to spare for intervals of 4 s and more.
public final class Watchdog: Sendable {
    /// Time between pings; `nil` when systemd asked for none.
    public let interval: Duration?
    private let notifier: SystemdNotifier
    private let lastPing: Mutex<ContinuousClock.Instant?> = Mutex(nil)

    /// - Parameters:
    ///   - environment: read for `WATCHDOG_USEC` and `WATCHDOG_PID`; a
    ///     `WATCHDOG_PID` naming another process (a wrapper's) disables pings.
    ///   - pid: this process's id.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        pid: Int32 = getpid(),
        notifier: SystemdNotifier
    ) {
        self.notifier = notifier
        interval = Self.pingInterval(environment: environment, pid: pid)
    }

    /// How often to ping, from the environment: a quarter of `WATCHDOG_USEC`,
    /// or `nil` when the watchdog is off or meant for another process.
    static func pingInterval(environment: [String: String], pid: Int32) -> Duration? {
        guard let usec = environment["WATCHDOG_USEC"].flatMap(UInt64.init), usec > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], !owner.isEmpty {
            guard Int32(owner) == pid else { return nil }
        }
        return .microseconds(Int64(clamping: usec / 4))
    }

    /// Sends `WATCHDOG=1` if a ping is due. Cheap when it is not; safe from any thread.
    public func beat(now: ContinuousClock.Instant = .now) {
        guard let interval else { return }
        let due = lastPing.withLock { last in
            guard last.map({ now - $0 >= interval }) ?? true else { return false }
            last = now
            return true
        }
        if due { notifier.notify("WATCHDOG=1") }
    }
}
