import CThreads
import Foundation

/// A helper thread that shares batches of work with the calling thread: `chronicle repair` over
/// many files computes on both cores, while only the calling thread writes files (creating files
/// in one folder does not run in parallel: the folder is locked, so two writing threads would
/// only wait for each other).
///
/// The helper is started before it is needed, on another CPU than the caller (see
/// `chronicle_thread_start_elsewhere`), and polls for work for a short while instead of sleeping
/// between batches, so that the next batch starts on both threads at once: a batch of small files
/// takes about a millisecond, not much longer than a sleeping thread may take to be woken.
final class TwoThreadWork: @unchecked Sendable {
    /// How long the helper keeps polling for the next batch before it sleeps (seconds).
    static let pollTime = 0.05

    private let condition = NSCondition()
    private var job: (@Sendable () -> Void)? = nil
    private var stopping = false
    private var thread = pthread_t()

    private init() {}

    /// The helper thread, running; nil on a single core (or when no thread can be made).
    ///
    /// `warmUp` runs on the helper first, while the caller prepares the first batch: the first
    /// call of much code costs far more than later ones (the runtime sets up the generic types
    /// it uses), and that is better paid before the batch than twice at once during it.
    static func start(warmUp: (@Sendable () -> Void)? = nil) -> TwoThreadWork? {
        guard RepairFiles.processors >= 2 else { return nil }
        let work = TwoThreadWork()
        work.job = warmUp
        let context = Unmanaged.passRetained(work).toOpaque()
        let created = chronicle_thread_start_elsewhere(&work.thread, { context in
            Unmanaged<TwoThreadWork>.fromOpaque(context!).takeRetainedValue().helperLoop()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<TwoThreadWork>.fromOpaque(context).release()
            return nil
        }
        return work
    }

    /// Ends the helper thread and waits for it.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
        pthread_join(thread, nil)
        chronicle_thread_release_caller()
    }

    /// `compute` for items `0..<count` on both threads, each taking the next item when done with
    /// one (files differ a lot in cost); `finish` on the calling thread only, for each result as
    /// soon as it is there.
    func process<Result>(
        _ count: Int, compute: @escaping @Sendable (Int) -> Result, finish: (Int, inout Result) -> Void
    ) -> [Result] {
        let shared = SharedWork<Result>(count: count)
        submit { shared.work(compute) }
        var finished = 0
        while finished < count {
            switch shared.nextStep() {
            case .finish(let index, var result):
                finish(index, &result)
                shared.store(result, at: index, ready: false)
                finished += 1
            case .compute(let index):
                shared.store(compute(index), at: index, ready: true)
            }
        }
        return shared.results.map { $0! }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        self.job = job
        condition.signal()
        condition.unlock()
    }

    private func helperLoop() {
        var idleSince = TwoThreadWork.now()
        while true {
            condition.lock()
            if stopping {
                condition.unlock()
                return
            }
            if let job {
                self.job = nil
                condition.unlock()
                job()
                idleSince = TwoThreadWork.now()
                continue
            }
            if TwoThreadWork.now() - idleSince < TwoThreadWork.pollTime {
                condition.unlock()
                sched_yield()
                continue
            }
            condition.wait()
            condition.unlock()
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The state of one batch: results, and which item comes next.
    final class SharedWork<Result>: @unchecked Sendable {
        enum Step {
            case finish(Int, Result)
            case compute(Int)
        }

        private let condition = NSCondition()
        private var nextIndex = 0
        private var ready: [Int] = []
        private let count: Int
        var results: [Result?]

        init(count: Int) {
            self.count = count
            results = Array(repeating: nil, count: count)
        }

        /// The helper's part: computes until no item is left.
        func work(_ compute: (Int) -> Result) {
            while true {
                condition.lock()
                guard nextIndex < count else {
                    condition.unlock()
                    return
                }
                let index = nextIndex
                nextIndex += 1
                condition.unlock()
                store(compute(index), at: index, ready: true)
            }
        }

        /// For the calling thread: a computed result to finish, else an item to compute, else it
        /// waits for the helper.
        func nextStep() -> Step {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let index = ready.popLast() {
                    let result = results[index]!
                    results[index] = nil
                    return .finish(index, result)
                }
                if nextIndex < count {
                    nextIndex += 1
                    return .compute(nextIndex - 1)
                }
                condition.wait()
            }
        }

        func store(_ result: Result, at index: Int, ready isReady: Bool) {
            condition.lock()
            results[index] = result
            if isReady {
                ready.append(index)
                condition.signal()
            }
            condition.unlock()
        }
    }
}
