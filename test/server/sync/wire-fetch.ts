import { request } from 'node:http';

/**
 * A `fetch` for the client engine running in a test process, sent over real sockets to
 * `port` on 127.0.0.1 with the user's session cookie, as the browser sends the app's
 * same-origin requests. Node's own fetch is hidden by the DOM environment, and a
 * browser's would drop the Cookie header. Rejects like fetch when no answer arrives (a
 * cut connection, a dead server), so the engine sees what it sees on a phone.
 */
export function wireFetch(port: () => number, cookie: string): typeof fetch {
  return (input, init) => {
    const path = input instanceof Request ? new URL(input.url).pathname : String(input);
    const headers: Record<string, string> = { cookie, origin: `http://127.0.0.1:${port()}`, 'sec-fetch-site': 'same-origin' };
    for (const [name, value] of new Headers(init?.headers)) headers[name] = value;
    const body = typeof init?.body === 'string' ? init.body : undefined;
    return new Promise<Response>((resolve, reject) => {
      const sent = request({ host: '127.0.0.1', port: port(), path, method: init?.method ?? 'GET', headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(answer.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
          resolve(new Response(Buffer.concat(chunks).toString('utf8'), { status: answer.statusCode ?? 500, headers: responseHeaders }));
        });
        answer.on('error', () => reject(new TypeError('Failed to fetch')));
      });
      sent.on('error', () => reject(new TypeError('Failed to fetch')));
      init?.signal?.addEventListener('abort', () => sent.destroy());
      sent.end(body);
    });
  };
}
