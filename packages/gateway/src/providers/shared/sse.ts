/**
 * Server-sent events parsing for upstream streams: bytes in, one event at a time out, each with
 * its raw frame text so a pass-through can relay it unchanged.
 */

import { StringDecoder } from 'node:string_decoder';

export interface SseEvent {
  /** The `event:` field, or undefined when the frame had none. */
  event: string | undefined;
  /** The `data:` lines joined with newlines. */
  data: string;
  /** The frame as received, normalised to end in a blank line ("\n\n"). */
  raw: string;
}

/**
 * Splits bytes into SSE events synchronously, chunk by chunk: `push` returns the events a chunk
 * completed, `end` whatever was left. Relays use it directly so that one upstream chunk costs one
 * step of async iteration rather than one per event (the frames of a chunk are relayed together).
 */
export class SseSplitter {
  // StringDecoder rather than TextDecoder: the latter makes a native ICU converter per stream (a
  // weak handle V8's young collections must keep and promote), and costs twice the time per chunk.
  readonly #decoder = new StringDecoder('utf8');
  /** Until the first decoded text: a leading byte order mark is dropped, as TextDecoder and the SSE spec do. */
  #atStart = true;
  #buffer = '';
  /** A chunk ended in "\r": held back, since the next chunk may begin with the "\n" of a "\r\n". */
  #pendingCr = false;

  push(chunk: Buffer | string): SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.#decode(this.#decoder.write(chunk));
    if (this.#pendingCr) text = `\r${text}`;
    this.#pendingCr = text.endsWith('\r');
    if (this.#pendingCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    this.#buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    let boundary = this.#buffer.indexOf('\n\n');
    while (boundary !== -1) {
      if (boundary > start) events.push(parseFrame(this.#buffer.slice(start, boundary)));
      start = boundary + 2;
      boundary = this.#buffer.indexOf('\n\n', start);
    }
    if (start > 0) this.#buffer = this.#buffer.slice(start);
    return events;
  }

  end(): SseEvent[] {
    this.#buffer += this.#decode(this.#decoder.end()) + (this.#pendingCr ? '\n' : '');
    this.#pendingCr = false;
    const rest = this.#buffer;
    this.#buffer = '';
    return rest.trim().length > 0 ? [parseFrame(rest.replace(/\n+$/, ''))] : [];
  }

  #decode(text: string): string {
    if (!this.#atStart || text.length === 0) return text;
    this.#atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Splits a byte stream into SSE events. Comment-only frames (`: ping`) are yielded with empty data. */
export async function* parseSse(body: AsyncIterable<Buffer | string>): AsyncGenerator<SseEvent> {
  const splitter = new SseSplitter();
  for await (const chunk of body) yield* splitter.push(chunk);
  yield* splitter.end();
}

function parseFrame(frame: string): SseEvent {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return { event, data: data.join('\n'), raw: `${frame}\n\n` };
}

/** Formats one SSE frame. */
export function sseFrame(data: string, event?: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`;
}
