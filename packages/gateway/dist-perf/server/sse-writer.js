/**
 * Writes a server-sent-events response on the raw Node response: headers once, then frames with
 * back-pressure (a slow client slows the upstream read instead of growing memory).
 */
export function openSse(raw, headers) {
    raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...headers,
    });
    raw.flushHeaders();
    let closed = false;
    raw.once('close', () => {
        closed = true;
    });
    return {
        get closed() {
            return closed || raw.destroyed;
        },
        async write(text) {
            if (text.length === 0)
                return !closed;
            if (closed || raw.destroyed)
                return false;
            if (raw.write(text))
                return true;
            return new Promise((resolve) => {
                const onDrain = () => {
                    raw.off('close', onClose);
                    resolve(true);
                };
                const onClose = () => {
                    raw.off('drain', onDrain);
                    resolve(false);
                };
                raw.once('drain', onDrain);
                raw.once('close', onClose);
            });
        },
        end() {
            if (!raw.destroyed && !raw.writableEnded)
                raw.end();
        },
    };
}
//# sourceMappingURL=sse-writer.js.map