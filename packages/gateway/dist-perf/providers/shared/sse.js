/**
 * Server-sent events parsing for upstream streams: bytes in, one event at a time out, each with
 * its raw frame text so a pass-through can relay it unchanged.
 */
/** Splits a byte stream into SSE events. Comment-only frames (`: ping`) are yielded with empty data. */
export async function* parseSse(body) {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body) {
        buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
        if (buffer.includes('\r'))
            buffer = buffer.replace(/\r\n?/g, '\n');
        let boundary = buffer.indexOf('\n\n');
        while (boundary !== -1) {
            const frame = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            if (frame.length > 0)
                yield parseFrame(frame);
            boundary = buffer.indexOf('\n\n');
        }
    }
    buffer += decoder.decode();
    if (buffer.trim().length > 0)
        yield parseFrame(buffer.replace(/\n+$/, ''));
}
function parseFrame(frame) {
    let event;
    const data = [];
    for (const line of frame.split('\n')) {
        if (line.startsWith(':'))
            continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' '))
            value = value.slice(1);
        if (field === 'event')
            event = value;
        else if (field === 'data')
            data.push(value);
    }
    return { event, data: data.join('\n'), raw: `${frame}\n\n` };
}
/** Formats one SSE frame. */
export function sseFrame(data, event) {
    return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`;
}
//# sourceMappingURL=sse.js.map