import Dispatch
import Foundation
import Synchronization

/// Runs independent work on up to `jobs` threads (nil: every core) and keeps the input order.
/// Work is handed out one item at a time, so a few long items do not hold up the rest.
public enum ParallelMap {
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int? = nil, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let workers = min(inputs.count, max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount))
        if workers < 2 { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { return }
                results.set(index, transform(inputs[index]))
            }
        }
        return results.values
    }

    /// Runs `body` for every index in `0..<count` on up to `jobs` threads.
    public static func forEach(_ count: Int, jobs: Int? = nil, _ body: @Sendable (Int) -> Void) {
        _ = map(Array(0..<count), jobs: jobs) { body($0) }
    }
}

/// Slots written once each from concurrent iterations (each slot by one thread only).
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Each index is written by exactly one thread, and read only after all have finished
    /// (`concurrentPerform` returns after every iteration), so no lock is needed.
    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { storage.map { $0! } }
}
