import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns Nagle's algorithm off for the server's connections. FlyingFox writes a response's
/// head and body separately and does not set `TCP_NODELAY`, so on a kept-alive connection the
/// body's last small segment waited for the browser's delayed ACK: 40 ms per request (measured
/// with wrk, scripts/bench_serve.py). Linux gives accepted sockets the listening socket's
/// `TCP_NODELAY`, and FlyingFox offers no hook for its listening socket, so it is found by the
/// port it listens on.
enum NoDelay {
    /// Sets `TCP_NODELAY` on this process's listening TCP socket bound to `port`; false when
    /// none was found.
    @discardableResult
    static func setOnListener(port: UInt16) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return false }
        for entry in entries {
            guard let fd = Int32(entry) else { continue }
            var listening: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) == 0, listening == 1 else { continue }
            var address = sockaddr_storage()
            var addressLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &addressLength) }
            }
            guard named == 0 else { continue }
            let boundPort: UInt16 = withUnsafePointer(to: &address) { pointer in
                switch Int32(pointer.pointee.ss_family) {
                case AF_INET: pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
                case AF_INET6: pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                default: 0
                }
            }
            guard boundPort == port else { continue }
            var on: Int32 = 1
            return setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size)) == 0
        }
        return false
    }
}
