import Foundation

/// The open event streams of every page in a browser, and what they are told: `reload` after
/// each good build, `error` with the diagnostics when a build fails (the overlay), and, to a
/// page that connects, the current state at once (so a page opened during a failed build shows
/// the overlay too).
final class ReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<Data>.Continuation] = [:]
    private var nextID = 0
    /// The `error` message while the last build failed, else nil.
    private var failure: Data?
    /// Identifies this server run: a page that reconnects to a restarted server reloads.
    let runID = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    private var generation = 0

    var subscriberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

    /// A new stream: first the `hello` message (run and generation), then the current failure.
    func subscribe() -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(64))
        lock.lock()
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        let hello = Self.message(event: "hello", json: ["run": runID, "generation": generation])
        continuation.yield(Data("retry: 500\n".utf8) + hello)
        if let failure { continuation.yield(failure) }
        lock.unlock()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.lock()
            self.subscribers[id] = nil
            self.lock.unlock()
        }
        return stream
    }

    /// Tells every page to reload.
    func reload(generation: Int, details: [String: any Sendable]) {
        var json = details
        json["generation"] = generation
        let message = Self.message(event: "reload", json: json)
        lock.lock()
        self.generation = generation
        failure = nil
        let targets = Array(subscribers.values)
        lock.unlock()
        for target in targets { target.yield(message) }
    }

    /// Shows the failure on every page until the next good build.
    func fail(_ payload: Data) {
        let message = Data("event: error\ndata: ".utf8) + payload + Data("\n\n".utf8)
        lock.lock()
        failure = message
        let targets = Array(subscribers.values)
        lock.unlock()
        for target in targets { target.yield(message) }
    }

    /// A comment line every stream gets: keeps proxies from closing idle streams and finds
    /// streams whose page is gone.
    func keepAlive() {
        lock.lock()
        let targets = Array(subscribers.values)
        lock.unlock()
        for target in targets { target.yield(Data(": keep-alive\n\n".utf8)) }
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        lock.lock()
        let targets = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for target in targets { target.finish() }
    }

    static func message(event: String, json: [String: any Sendable]) -> Data {
        let data = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Data("event: \(event)\ndata: ".utf8) + data + Data("\n\n".utf8)
    }
}
