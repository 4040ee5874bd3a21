import { finished, type Readable } from 'node:stream';

/**
 * A Node stream as the web stream a response body takes, each chunk handed on as it
 * is, and the next read only when the response has taken the previous (the response
 * asks for more when the socket drains). `Readable.toWeb` copies every chunk into a new
 * ArrayBuffer; a download of many megabytes then left as many in memory, as the copies
 * wait for the socket long enough to outlive V8's young generation and are only freed
 * by a full collection. Cancelling (the client went away) destroys the Node stream.
 */
export function webBody(body: Readable): ReadableStream<Uint8Array> {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let cancelled = false;
  body.pause();
  body.on('data', (chunk: Buffer) => {
    controller?.enqueue(chunk);
    if ((controller?.desiredSize ?? 0) <= 0) body.pause();
  });
  finished(body, (error) => {
    if (cancelled) return;
    if (error) controller?.error(error);
    else controller?.close();
  });
  return new ReadableStream<Uint8Array>(
    {
      start: (started) => {
        controller = started;
      },
      pull: () => {
        body.resume();
      },
      cancel: () => {
        cancelled = true;
        body.destroy();
      },
    },
    // Nothing read ahead: a chunk is read when the response asks for one.
    { highWaterMark: 0 },
  );
}
