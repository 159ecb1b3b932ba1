/**
 * Writes usage rows off the request path (DESIGN: "the hot path never waits on bookkeeping").
 * record() only pushes onto an in-memory queue; batches are written by a timer, or as soon as a
 * full batch waits, one write at a time. A failed write keeps its rows at the head of the queue
 * (the spool) and is retried with exponential backoff, so rows wait while the database is down.
 * The queue is bounded: past queueLimit, rows are dropped, counted, logged and reported.
 */
export class BatchingUsageRecorder {
    #options;
    /** FIFO; the batch being written stays at the head until the write succeeds. */
    #queue = [];
    #waiters = [];
    #accepted = 0;
    #written = 0;
    #dropped = 0;
    #failures = 0;
    #consecutiveFailures = 0;
    #lastError = '';
    #dropping = false;
    #closed = false;
    #writing = null;
    #immediate = null;
    #retryTimer = null;
    #interval;
    constructor(options) {
        for (const name of ['batchSize', 'flushIntervalMs', 'queueLimit']) {
            if (!(options[name] > 0))
                throw new RangeError(`BatchingUsageRecorder: ${name} must be positive, got ${options[name]}`);
        }
        this.#options = { retryBaseMs: 500, retryMaxMs: 30_000, flushAttempts: 5, ...options };
        this.#interval = setInterval(() => this.#onInterval(), options.flushIntervalMs);
        // The timer alone must not keep the process alive; pending flush() calls do (see #onFailure).
        this.#interval.unref();
    }
    record(row) {
        try {
            if (this.#closed)
                return this.#drop(row, 'closed');
            if (this.#queue.length >= this.#options.queueLimit)
                return this.#drop(row, 'queue_full');
            this.#queue.push(row);
            this.#accepted += 1;
            if (this.#queue.length >= this.#options.batchSize)
                this.#scheduleSoon();
        }
        catch {
            // record() must never throw into the request path; a throwing onDrop or logger is ignored.
        }
    }
    /** Resolves when every row recorded before the call is written; rejects after flushAttempts failed writes. */
    flush() {
        const target = this.#accepted;
        if (this.#written >= target)
            return Promise.resolve();
        return new Promise((resolve, reject) => {
            this.#waiters.push({ target, failuresLeft: this.#options.flushAttempts, resolve, reject });
            // Someone is waiting: try now instead of sitting out the current backoff.
            this.#clearRetryTimer();
            this.#pump();
        });
    }
    /** Stops the timer and flushes. Rows recorded afterwards are dropped (reason 'closed'). */
    async close() {
        this.#closed = true;
        clearInterval(this.#interval);
        try {
            await this.flush();
        }
        catch (error) {
            this.#safeLog('error', { err: error, unwritten: this.#queue.length }, 'usage rows could not be written before shutdown');
            throw error;
        }
        finally {
            this.#clearRetryTimer();
            if (this.#immediate !== null)
                clearImmediate(this.#immediate);
            this.#immediate = null;
        }
    }
    stats() {
        return {
            queued: this.#queue.length,
            written: this.#written,
            dropped: this.#dropped,
            failures: this.#failures,
            consecutiveFailures: this.#consecutiveFailures,
            lastError: this.#consecutiveFailures > 0 ? this.#lastError : null,
            queueLimit: this.#options.queueLimit,
        };
    }
    #onInterval() {
        if (this.#retryTimer === null)
            this.#pump();
    }
    /** Starts a write on the next turn of the event loop, so record() returns at once. */
    #scheduleSoon() {
        if (this.#immediate !== null || this.#writing !== null || this.#retryTimer !== null)
            return;
        this.#immediate = setImmediate(() => {
            this.#immediate = null;
            this.#pump();
        });
    }
    #pump() {
        if (this.#writing !== null || this.#queue.length === 0)
            return;
        this.#writing = this.#drain().finally(() => {
            this.#writing = null;
        });
    }
    /** Writes batches until the queue is empty or a write fails. Never rejects. */
    async #drain() {
        while (this.#queue.length > 0) {
            const batch = this.#queue.slice(0, this.#options.batchSize);
            try {
                await this.#options.repository.insertMany(batch);
            }
            catch (error) {
                this.#onFailure(error);
                return;
            }
            this.#queue.splice(0, batch.length);
            this.#written += batch.length;
            this.#consecutiveFailures = 0;
            this.#dropping = false;
            this.#settleWaiters();
        }
    }
    #onFailure(error) {
        this.#failures += 1;
        this.#consecutiveFailures += 1;
        const { retryBaseMs, retryMaxMs } = this.#options;
        const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(30, this.#consecutiveFailures - 1));
        this.#safeLog('warn', { err: error, queued: this.#queue.length, attempt: this.#consecutiveFailures, retryInMs: delay }, 'usage write failed; rows kept for retry');
        const message = error instanceof Error ? error.message : String(error);
        this.#lastError = message;
        this.#waiters = this.#waiters.filter((waiter) => {
            waiter.failuresLeft -= 1;
            if (waiter.failuresLeft > 0)
                return true;
            waiter.reject(new Error(`usage rows not written after ${this.#options.flushAttempts} attempts: ${message}`, { cause: error }));
            return false;
        });
        this.#retryTimer = setTimeout(() => {
            this.#retryTimer = null;
            this.#pump();
        }, delay);
        // Keep the process alive for a retry only while somebody waits for it (a flush or a close).
        if (this.#waiters.length === 0)
            this.#retryTimer.unref();
    }
    #settleWaiters() {
        this.#waiters = this.#waiters.filter((waiter) => {
            if (waiter.target > this.#written)
                return true;
            waiter.resolve();
            return false;
        });
    }
    #drop(row, reason) {
        this.#dropped += 1;
        if (!this.#dropping) {
            // One line when dropping starts, not one per row; stats().dropped has the running count.
            this.#dropping = true;
            this.#safeLog('warn', { reason, dropped: this.#dropped, queueLimit: this.#options.queueLimit }, 'usage rows dropped');
        }
        this.#options.onDrop?.({ row, reason, dropped: this.#dropped });
    }
    #clearRetryTimer() {
        if (this.#retryTimer !== null)
            clearTimeout(this.#retryTimer);
        this.#retryTimer = null;
    }
    #safeLog(level, object, message) {
        try {
            this.#options.logger?.[level](object, message);
        }
        catch {
            // A failing logger must not stop the writer.
        }
    }
}
//# sourceMappingURL=usage-writer.js.map