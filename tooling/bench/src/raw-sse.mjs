// The raw SSE floor every stream measure compares against: split the body on blank lines and
// JSON.parse each `data:` payload, nothing else (no other line endings, fields or checks).

/**
 * Reads an async iterable of bytes (a fetch or undici body) as SSE and returns how many data
 * events it parsed, `[DONE]` excluded.
 */
export async function countRawSseEvents(body) {
  const decoder = new TextDecoder();
  let buffer = '';
  let count = 0;
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const data = buffer.slice(6, end);
      buffer = buffer.slice(end + 2);
      if (data !== '[DONE]') { JSON.parse(data); count++; }
    }
  }
  return count;
}
