import Daemon
import Foundation
import Logging
import ServiceLifecycle
import Settings
import Store

/// Wires the daemon's services into one `ServiceGroup` and runs it.
///
/// Order matters: services start in list order and stop in reverse. The store watcher comes
/// first (others subscribe to it) and the lifecycle status service last (it hears the shutdown
/// first and tells systemd `STOPPING=1`).
struct ServeRuntime {
    let settings: SettingsBox
    let configPath: String?
    let store: KimbiseoStore
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        let watcher = StoreWatcher(
            store: store,
            fallbackInterval: .milliseconds(max(50, settings.current.store.watchIntervalMilliseconds)))
        let watch = try StoreWatchService(watcher: watcher, logger: logger)
        let reloads = ReloadBroadcast()
        let reload = ReloadService(path: configPath, box: settings, notifier: notifier, logger: logger) { _ in
            reloads.publish()
        }
        let dispatch = DispatchService(
            store: store, settings: settings, watcher: watcher, reloads: reloads.subscribe(),
            logger: logger, makeGateway: GatewayChoice.make)
        let labelJobs = LabelJobService(store: store, settings: settings, watcher: watcher, logger: logger)
        let services: [any Service] = [
            watch,
            dispatch,
            labelJobs,
            AnniversaryScheduleService(store: store, settings: settings, logger: logger),
            reload,
            WatchdogService(notifier: notifier),
            LifecycleStatusService(notifier: notifier, logger: logger),
        ]
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            cancellationSignals: [.sigquit],
            logger: logger))
        logger.notice("kimbiseo ready", metadata: [
            "store": "\(store.path)",
            "config": "\(configPath ?? "(embedded defaults)")",
            "sms_gateway": "\(settings.current.sms.gateway.kind)",
            "mail": "\(settings.current.mail.kind)",
        ])
        if settings.current.sms.shopName?.isEmpty ?? true {
            logger.warning("sms.shop_name is not set: texts that use <<상호>> (the default birthday and wedding templates) will not be sent until it is")
        }
        notifier.ready(status: "running; store \(store.path)")
        try await group.run()
        logger.notice("stopped")
    }
}
