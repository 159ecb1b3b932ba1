/**
 * The in-process event bus: what happened in the gateway, told once to everyone who watches
 * (Prometheus metrics, the live feed, tracing, later alerts and webhooks). Producers call `emit`
 * on the request path, so delivery is synchronous and cheap, and a listener that throws is
 * logged and skipped rather than allowed to fail the request that emitted the event.
 */
export class EventBus {
    onListenerError;
    listeners = new Map();
    constructor(onListenerError = () => { }) {
        this.onListenerError = onListenerError;
    }
    /** Subscribes to one event type; returns the function that unsubscribes. */
    on(type, listener) {
        const stored = listener;
        this.listeners.set(type, [...(this.listeners.get(type) ?? []), stored]);
        return () => {
            const current = this.listeners.get(type);
            if (!current)
                return;
            // A new array, so an emit already iterating the old one is not disturbed.
            this.listeners.set(type, current.filter((item) => item !== stored));
        };
    }
    emit(event) {
        const list = this.listeners.get(event.type);
        if (!list)
            return;
        for (const listener of list) {
            try {
                listener(event);
            }
            catch (error) {
                this.onListenerError(error, event);
            }
        }
    }
    listenerCount(type) {
        return this.listeners.get(type)?.length ?? 0;
    }
}
//# sourceMappingURL=event-bus.js.map