/**
 * One live-feed client: its socket, who it is once authenticated, what it subscribed to, its
 * message-rate bucket and heartbeat state. Sending never queues without bound: a client whose
 * socket already holds more than `maxBufferedBytes` unsent is a slow consumer and is closed with
 * 1013 instead of being sent more.
 */
import { CLOSE_CODES } from './live-protocol.js';
import { TokenBucket } from './token-bucket.js';
export class LiveConnection {
    socket;
    subscriptions = new Map();
    rate;
    /** Set once authenticated. */
    caller = null;
    /** The credential as headers, to authorise it again at heartbeats (a key revoked meanwhile ends the feed). */
    credential = null;
    /** Cleared at each ping, set by the pong. */
    alive = true;
    #maxBufferedBytes;
    #onClosing;
    #closing = false;
    constructor(options) {
        this.socket = options.socket;
        this.#maxBufferedBytes = options.maxBufferedBytes;
        this.#onClosing = options.onClosing;
        this.rate = new TokenBucket({ perSecond: options.maxMessagesPerSecond });
    }
    get closing() {
        return this.#closing || this.socket.readyState !== this.socket.OPEN;
    }
    /** Sends a message (or one already serialised); false when it was not sent. */
    send(message) {
        if (this.closing)
            return false;
        if (this.socket.bufferedAmount > this.#maxBufferedBytes) {
            this.close(CLOSE_CODES.tryAgainLater, 'slow consumer', 'slow_consumer');
            return false;
        }
        this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
        return true;
    }
    /** Starts the closing handshake (the `ws` close timeout ends a peer that never answers). */
    close(code, reason, why) {
        if (this.#closing)
            return;
        this.#closing = true;
        this.#onClosing(this, why);
        if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING)
            this.socket.close(code, reason);
    }
    /** Ends the connection at once, without a handshake (a peer that stopped answering pings). */
    terminate(why) {
        if (!this.#closing) {
            this.#closing = true;
            this.#onClosing(this, why);
        }
        this.socket.terminate();
    }
}
//# sourceMappingURL=live-connection.js.map