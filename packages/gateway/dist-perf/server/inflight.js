/**
 * Requests in flight, each with an abort signal (request-abort-signal.ts): aborted when its client
 * disconnects, or by the shutdown sequence once its grace period is over. Lets SIGTERM wait for
 * streams to finish.
 */
import { RequestAbortSignal } from './request-abort-signal.js';
export class InflightRegistry {
    calls = new Set();
    idleWaiters = [];
    get size() {
        return this.calls.size;
    }
    /** Starts tracking a request; its signal aborts when `response` closes before it finished. */
    begin(response) {
        const entry = { signal: new RequestAbortSignal(), reason: null };
        this.calls.add(entry);
        const onClose = () => {
            if (!response.writableFinished && !entry.signal.aborted) {
                entry.reason = 'client_disconnected';
                entry.signal.abort(new Error('client disconnected'));
            }
        };
        response.once('close', onClose);
        let finished = false;
        return {
            signal: entry.signal.asAbortSignal(),
            reason: () => entry.reason,
            done: () => {
                if (finished)
                    return;
                finished = true;
                response.off('close', onClose);
                this.calls.delete(entry);
                if (this.calls.size === 0)
                    this.notifyIdle();
            },
        };
    }
    /** Resolves when no request is in flight, or after `timeoutMs`; returns whether it drained. */
    async drain(timeoutMs) {
        if (this.calls.size === 0)
            return true;
        return new Promise((resolve) => {
            const timer = setTimeout(() => resolve(this.calls.size === 0), timeoutMs);
            this.idleWaiters.push(() => {
                clearTimeout(timer);
                resolve(true);
            });
        });
    }
    /** Aborts every call still in flight (end of the shutdown grace period). */
    abortAll() {
        for (const entry of this.calls) {
            entry.reason = 'shutdown';
            entry.signal.abort(new Error('gateway shutting down'));
        }
    }
    notifyIdle() {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const waiter of waiters)
            waiter();
    }
}
//# sourceMappingURL=inflight.js.map