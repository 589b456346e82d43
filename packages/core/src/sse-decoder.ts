/**
 * An incremental Server-Sent Events decoder (WHATWG HTML §9.2). Feed it bytes split anywhere
 * (mid-line, mid-CRLF, mid-UTF-8 character); it returns each complete event exactly once.
 */

/** One decoded event. `event` defaults to `message`, as the spec says. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

/**
 * Stateful decoder: call `push(bytes)` for each chunk and `end()` once at the end.
 *
 * @example
 * const decoder = new SseDecoder();
 * for await (const chunk of body) for (const event of decoder.push(chunk)) handle(event);
 * for (const event of decoder.end()) handle(event);
 */
export class SseDecoder {
  readonly #text = new TextDecoder('utf-8');
  #buffer = '';
  #pendingCarriageReturn = false;
  #sawFirstLine = false;
  #dataLines: string[] = [];
  #eventName = '';
  #lastEventId: string | undefined;
  #retry: number | undefined;
  /** How many comment lines (`: keep-alive`) were seen; they count as stream activity. */
  comments = 0;

  /** Decodes a chunk and returns the events it completed. */
  push(chunk: Uint8Array): ServerSentEvent[] {
    return this.#consume(this.#text.decode(chunk, { stream: true }), false);
  }

  /** Flushes the decoder at end of stream. A final event without its blank line is dropped, per spec. */
  end(): ServerSentEvent[] {
    const events = this.#consume(this.#text.decode(), true);
    this.#dataLines = [];
    return events;
  }

  #consume(text: string, final: boolean): ServerSentEvent[] {
    let input = text;
    // A CR at the end of the previous chunk may be the first half of a CRLF.
    if (this.#pendingCarriageReturn && input.startsWith('\n')) input = input.slice(1);
    this.#pendingCarriageReturn = false;
    this.#buffer += input;
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let index = 0; index < this.#buffer.length; index++) {
      const char = this.#buffer.charCodeAt(index);
      if (char !== 10 && char !== 13) continue;
      const line = this.#buffer.slice(start, index);
      if (char === 13) {
        if (index + 1 < this.#buffer.length) {
          if (this.#buffer.charCodeAt(index + 1) === 10) index++;
        } else {
          this.#pendingCarriageReturn = true;
        }
      }
      start = index + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    this.#buffer = this.#buffer.slice(start);
    if (final && this.#buffer !== '') {
      this.#line(this.#buffer);
      this.#buffer = '';
    }
    return events;
  }

  #line(rawLine: string): ServerSentEvent | undefined {
    let line = rawLine;
    if (!this.#sawFirstLine) {
      this.#sawFirstLine = true;
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    }
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) {
      this.comments++;
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.#dataLines.push(value);
        break;
      case 'event':
        this.#eventName = value;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.#lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored, per spec
    }
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const dataLines = this.#dataLines;
    const eventName = this.#eventName;
    this.#dataLines = [];
    this.#eventName = '';
    if (dataLines.length === 0) return undefined;
    const event: ServerSentEvent = { event: eventName === '' ? 'message' : eventName, data: dataLines.join('\n') };
    if (this.#lastEventId !== undefined) event.id = this.#lastEventId;
    if (this.#retry !== undefined) event.retry = this.#retry;
    return event;
  }
}
