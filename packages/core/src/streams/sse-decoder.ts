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
  /** The pieces of a line whose end has not arrived yet. */
  #partialLine: string[] = [];
  #pendingCarriageReturn = false;
  /**
   * The event's data so far and whether it has any (an empty `data:` line is data): a string
   * rather than a list of lines, so an event of one line (nearly all of them) allocates no array.
   */
  #data = '';
  #hasData = false;
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
    this.#data = '';
    this.#hasData = false;
    return events;
  }

  /**
   * Scans only the new text, once: an unfinished line is kept as pieces and joined when its end
   * arrives, so one multi-megabyte event (a partial image) costs linear time, not a rescan of
   * everything pending on every chunk. Line ends are found with `indexOf` (native, far faster
   * than a loop over characters), remembering the next CR and LF so neither is searched twice.
   */
  #consume(text: string, final: boolean): ServerSentEvent[] {
    let start = 0;
    // A CR at the end of an earlier chunk may be the first half of a CRLF. An empty chunk
    // between them says nothing either way, so only a non-empty one settles it.
    if (this.#pendingCarriageReturn && text.length > 0) {
      this.#pendingCarriageReturn = false;
      if (text.charCodeAt(0) === 10) start = 1;
    }
    const events: ServerSentEvent[] = [];
    let nextLf = -2;
    let nextCr = -2;
    for (;;) {
      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
      const end = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextLf, nextCr);
      if (end === -1) break;
      const event = this.#partialLine.length === 0 ? this.#lineIn(text, start, end) : this.#line(this.#completeLine(text.slice(start, end)));
      let next = end + 1;
      if (end === nextCr) {
        if (next < text.length) {
          if (text.charCodeAt(next) === 10) next++;
        } else {
          this.#pendingCarriageReturn = true;
        }
      }
      start = next;
      if (event) events.push(event);
    }
    if (start < text.length) this.#partialLine.push(text.slice(start));
    if (final && this.#partialLine.length > 0) this.#line(this.#completeLine(''));
    return events;
  }

  /**
   * The line `text[start, end)`, read in place: a `data:` line (nearly every line of an API
   * stream), a comment or a blank line costs no more than slicing out the value.
   */
  #lineIn(text: string, start: number, end: number): ServerSentEvent | undefined {
    if (start === end) return this.#dispatch();
    if (text.startsWith('data:', start)) {
      const valueStart = text.charCodeAt(start + 5) === 32 && start + 5 < end ? start + 6 : start + 5;
      this.#addData(text.slice(valueStart, end));
      return undefined;
    }
    return this.#line(text.slice(start, end));
  }

  /** The pending pieces of a line plus its last piece, as one string. */
  #completeLine(tail: string): string {
    if (this.#partialLine.length === 0) return tail;
    this.#partialLine.push(tail);
    const line = this.#partialLine.join('');
    this.#partialLine = [];
    return line;
  }

  #line(rawLine: string): ServerSentEvent | undefined {
    // The TextDecoder already drops one leading BOM, as the spec says; a second one is data.
    const line = rawLine;
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
        this.#addData(value);
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

  /** Lines of one event's data are joined with a line feed, per spec. */
  #addData(line: string): void {
    this.#data = this.#hasData ? `${this.#data}\n${line}` : line;
    this.#hasData = true;
  }

  #dispatch(): ServerSentEvent | undefined {
    const data = this.#data;
    const hasData = this.#hasData;
    const eventName = this.#eventName;
    this.#data = '';
    this.#hasData = false;
    this.#eventName = '';
    if (!hasData) return undefined;
    const event: ServerSentEvent = { event: eventName === '' ? 'message' : eventName, data };
    if (this.#lastEventId !== undefined) event.id = this.#lastEventId;
    if (this.#retry !== undefined) event.retry = this.#retry;
    return event;
  }
}
