import Daemon
import Logging
import Messaging
import ServiceLifecycle
import Settings
import Store

/// Runs the SMS ``Dispatcher`` for the daemon: wakes it on every write by another program
/// (a campaign created by the CLI, a `campaign_request` row), and rebuilds it with the new
/// settings after each reload. Without a usable `sms.*` configuration (no sender number, say)
/// sending is off, the log says why once, and the service waits for a reload.
struct DispatchService: Service {
    let store: KimbiseoStore
    let settings: SettingsBox
    let watcher: StoreWatcher
    let reloads: AsyncStream<Void>
    let logger: Logger
    let makeGateway: @Sendable (Settings, KimbiseoStore) throws -> GatewayChoice

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var reloadNotices = reloads.makeAsyncIterator()
            while !Task.isCancelled {
                let current = settings.current
                let dispatcher: Dispatcher
                let choice: GatewayChoice
                do {
                    let configuration = try Dispatcher.Configuration(settings: current.sms)
                    choice = try makeGateway(current, store)
                    let gateway = choice.gateway
                    dispatcher = Dispatcher(
                        store: store, gateway: gateway, configuration: configuration,
                        requests: CampaignRequestProcessor(store: store, settings: current.sms),
                        logger: Logger(label: "kimbiseo.dispatcher"))
                    logger.notice("SMS dispatcher running", metadata: [
                        "gateway": "\(gateway.name)", "rate_per_second": "\(configuration.ratePerSecond)",
                    ])
                } catch {
                    logger.warning("SMS sending is off until the configuration is fixed and reloaded: \(error)")
                    guard await reloadNotices.next() != nil else { return }
                    continue
                }
                let changes = watcher.changes()
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await dispatcher.run() }
                    if let reconciler = choice.reconciler {
                        group.addTask { await reconciler.run() }
                    }
                    group.addTask {
                        for await _ in changes { dispatcher.wake() }
                    }
                    _ = await reloadNotices.next()
                    group.cancelAll()
                }
            }
        }
    }
}
