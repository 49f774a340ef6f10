import FlyingFox
import FlyingSocks
import Foundation
import MarkdownRendering
import SiteBuilder
import SiteCore

/// `chronicle serve`: the site from memory over HTTP (FlyingFox), with the reload script in
/// every HTML page, `/_chronicle/events` for it, and the site's own `404.html` for unknown
/// paths. Responses carry an `ETag` (a repeat request with `If-None-Match` gets `304`) and
/// `Cache-Control: no-cache`, so a browser always asks again and an edit shows at once.
public final class PreviewServer: @unchecked Sendable {
    public let live: LiveSite
    let requestGuard: RequestGuard
    private let server: HTTPServer
    private let bindAddress: String
    private var keepAliveTask: Task<Void, Never>?
    private var runTask: Task<Void, Error>?
    /// Extra pages the server makes itself, by path prefix (the translator view).
    private var pageProviders: [(prefix: String, make: @Sendable (String, SiteSnapshot) -> ProvidedPage?)] = []

    /// A page made by a provider: HTML (the reload script is added) or another type.
    public struct ProvidedPage: Sendable {
        public var status: Int
        public var contentType: String
        public var body: Data
        public init(status: Int = 200, contentType: String = "text/html; charset=utf-8", body: Data) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    /// Responses made for the snapshot served now, by path (cleared with every new build).
    private let cacheLock = NSLock()
    private var cache: [String: CachedResponse] = [:]
    private var cacheGeneration = -1

    private struct CachedResponse {
        var status: HTTPStatusCode
        var contentType: String
        var body: Data
        var etag: String
        /// Where a redirect leads.
        var location: String?
    }

    public struct AddressError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(live: LiveSite, bind: String, port: UInt16) throws {
        self.live = live
        bindAddress = bind
        var name = [CChar](repeating: 0, count: 256)
        let hostName = gethostname(&name, 255) == 0 ? String(cString: name) : nil
        requestGuard = RequestGuard(bindAddress: bind, hostName: hostName)
        let address: any SocketAddress
        if bind == "localhost" {
            address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        } else if bind.contains(":") {
            do { address = try sockaddr_in6.inet6(ip6: bind, port: port) } catch {
                throw AddressError(description: "'\(bind)' is not an IPv6 address this machine can listen on")
            }
        } else {
            do { address = try sockaddr_in.inet(ip4: bind, port: port) } catch {
                throw AddressError(description: "'\(bind)' is not an IPv4 address (use an address such as 127.0.0.1 or 0.0.0.0)")
            }
        }
        server = HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 30, logger: .disabled))
    }

    /// Serves `make` for every path below `prefix` (`/_translate/`).
    public func addPages(below prefix: String, _ make: @escaping @Sendable (String, SiteSnapshot) -> ProvidedPage?) {
        pageProviders.append((prefix, make))
    }

    /// Whether an address is loopback only: anything else shows the preview to other machines.
    public static func isLoopback(_ address: String) -> Bool { RequestGuard.isLoopback(address) }

    /// Starts listening; returns the port (the one chosen when asked for port 0).
    public func start() async throws -> UInt16 {
        await server.appendRoute("*") { [self] request in await respond(to: request) }
        let server = self.server
        let failure = StartFailure()
        runTask = Task {
            do { try await server.run() } catch {
                failure.set(error)
                throw error
            }
        }
        // Listening, or the reason it cannot (a port in use fails at once, not after a timeout).
        for _ in 0..<400 {
            if await server.isListening { break }
            if let error = failure.error { throw error }
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        guard await server.isListening else { throw AddressError(description: "the server did not start listening within 10 s") }
        let hub = live.hub
        keepAliveTask = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 15_000_000_000)
                hub.keepAlive()
            }
        }
        let port: UInt16
        switch await server.listeningAddress {
        case .ip4(_, let bound)?, .ip6(_, let bound)?: port = bound
        default: port = 0
        }
        NoDelay.setOnListener(port: port)
        return port
    }

    /// Ends every event stream and stops the server, giving requests in flight a moment.
    public func stop() async {
        keepAliveTask?.cancel()
        live.hub.finishAll()
        await server.stop(timeout: 0.3)
        runTask?.cancel()
    }

    // MARK: Requests

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard requestGuard.allowsHost(request.headers[.host]) else {
            return text(.forbidden, "403 Forbidden: this preview answers only to localhost and IP addresses (the Host header named another host)\n")
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = text(.methodNotAllowed, "405 Method Not Allowed: the preview serves GET and HEAD\n")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        let path: String
        switch requestGuard.path(ofTarget: request.target.path()) {
        case .refuse(let status, let reason):
            return text(HTTPStatusCode(status, phrase: status == 400 ? "Bad Request" : "Error"), "\(status): \(reason)\n")
        case .path(let decoded):
            path = decoded
        }
        if path == ReloadScript.eventsPath { return events() }
        if path == ReloadScript.path {
            return finish(request, CachedResponse(
                status: .ok, contentType: "text/javascript; charset=utf-8", body: Data(ReloadScript.source.utf8),
                etag: Self.etag(Data(ReloadScript.source.utf8))))
        }
        guard let snapshot = live.current else {
            return text(.serviceUnavailable, "503: the site could not be built; see the terminal\n")
        }
        return finish(request, response(for: path, snapshot: snapshot))
    }

    private func response(for path: String, snapshot: SiteSnapshot) -> CachedResponse {
        cacheLock.lock()
        if cacheGeneration != snapshot.generation {
            cache = [:]
            cacheGeneration = snapshot.generation
        }
        if let cached = cache[path] {
            cacheLock.unlock()
            return cached
        }
        cacheLock.unlock()
        let made = make(path, snapshot: snapshot)
        cacheLock.lock()
        if cacheGeneration == snapshot.generation { cache[path] = made }
        cacheLock.unlock()
        return made
    }

    private func make(_ path: String, snapshot: SiteSnapshot) -> CachedResponse {
        for provider in pageProviders where path.hasPrefix(provider.prefix) || path + "/" == provider.prefix {
            if path + "/" == provider.prefix { return redirect(to: provider.prefix) }
            if let page = provider.make(path, snapshot) {
                return body(HTTPStatusCode(page.status, phrase: page.status == 200 ? "OK" : "Not Found"), page.contentType, page.body)
            }
        }
        let base = snapshot.site.basePath
        guard path.hasPrefix(base + "/") else {
            if path == "/" || path == base { return redirect(to: base + "/") }
            return notFound(snapshot)
        }
        let relative = String(path.dropFirst(base.count + 1))
        let file = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        if let made = snapshot.file(at: file) { return body(made, path: file) }
        if !relative.hasSuffix("/"), snapshot.contains(relative + "/index.html") {
            return redirect(to: Slug.percentEncodedPath(path) + "/")
        }
        return notFound(snapshot)
    }

    private func notFound(_ snapshot: SiteSnapshot) -> CachedResponse {
        if let page = snapshot.file(at: "404.html") {
            var response = body(page, path: "404.html")
            if response.status == .ok { response.status = .notFound }
            return response
        }
        let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>"
        return body(.notFound, "text/html; charset=utf-8", Data(page.utf8))
    }

    private func body(_ made: SiteSnapshot.Made, path: String) -> CachedResponse {
        switch made {
        case .data(let data):
            return body(.ok, ContentType.of(path), data)
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else {
                return body(.internalServerError, "text/plain; charset=utf-8", Data("500: cannot read \(url.path)\n".utf8))
            }
            return body(.ok, ContentType.of(path), data)
        case .problem(let diagnostic):
            let escaped = HTMLEscaping.escape(diagnostic.formattedWithSource)
            let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>500: the theme could not make this page</title></head>"
                + "<body><h1>The theme could not make this page</h1><pre>\(escaped)</pre></body></html>"
            return body(.internalServerError, "text/html; charset=utf-8", Data(page.utf8))
        }
    }

    private func body(_ status: HTTPStatusCode, _ contentType: String, _ data: Data) -> CachedResponse {
        var data = data
        if contentType.hasPrefix("text/html") {
            data = Data(ReloadScript.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return CachedResponse(status: status, contentType: contentType, body: data, etag: Self.etag(data))
    }

    private func redirect(to location: String) -> CachedResponse {
        CachedResponse(
            status: .movedPermanently, contentType: "text/plain; charset=utf-8", body: Data("301: \(location)\n".utf8),
            etag: "", location: location)
    }

    private func finish(_ request: HTTPRequest, _ made: CachedResponse) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: made.contentType,
            HTTPHeader("Cache-Control"): "no-cache",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if let location = made.location {
            headers[.location] = location
            return HTTPResponse(statusCode: made.status, headers: headers, body: request.method == .HEAD ? Data() : made.body)
        }
        headers[HTTPHeader("ETag")] = made.etag
        if made.status == .ok, let match = request.headers[HTTPHeader("If-None-Match")],
           match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == made.etag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
            headers[.contentType] = nil
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        if request.method == .HEAD {
            headers[.contentLength] = String(made.body.count)
            return HTTPResponse(statusCode: made.status, headers: headers)
        }
        return HTTPResponse(statusCode: made.status, headers: headers, body: made.body)
    }

    private func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [
            .contentType: "text/plain; charset=utf-8", HTTPHeader("Cache-Control"): "no-cache",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ], body: Data(message.utf8))
    }

    private func events() -> HTTPResponse {
        let stream = live.hub.subscribe()
        return HTTPResponse(
            statusCode: .ok,
            headers: [
                .contentType: "text/event-stream; charset=utf-8", HTTPHeader("Cache-Control"): "no-cache",
                HTTPHeader("X-Accel-Buffering"): "no",
            ],
            body: HTTPBodySequence(from: EventStream(messages: stream), suggestedBufferSize: 16_384))
    }

    /// A strong validator: FNV-1a (64 bits) of the bytes sent.
    static func etag(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        return "\"" + String(hash, radix: 16) + "-" + String(data.count, radix: 16) + "\""
    }
}

/// The error the server's run ended with, set from its task.
private final class StartFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    func set(_ error: Error) {
        lock.lock()
        stored = error
        lock.unlock()
    }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
