import FlyingFox
import FlyingSocks
import Foundation

/// The body of a server-sent-events response: the messages of an `AsyncStream` as bytes, for
/// FlyingFox to send chunk by chunk as they come. It ends when the stream finishes.
struct EventStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let messages: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(messages: messages.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var messages: AsyncStream<Data>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = Array(message)
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            while pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = Array(message)
            }
            let taken = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
