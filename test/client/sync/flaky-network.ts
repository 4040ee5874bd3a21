import type { RealServer } from '../real-server';

/**
 * What the network does with one request on its way to the real server:
 * - `deliver`: the request arrives once and its answer comes back;
 * - `drop`: it never arrives (the device sees a dead link);
 * - `lose-answer`: it arrives and commits, the answer is lost (the device cannot know);
 * - `twice`: a retrying proxy delivers it twice, the device gets the second answer;
 * - `stash`: delivered and answered, and a copy lingers in the network to arrive again
 *   later, after newer requests of the same device (`replay`): reordered delivery.
 */
export type Fate = 'deliver' | 'drop' | 'lose-answer' | 'twice' | 'stash';
export const FATES: readonly Fate[] = ['deliver', 'drop', 'lose-answer', 'twice', 'stash'];

export type FlakyNetwork = {
  /** The fates of the next requests, in order; requests beyond them are delivered. */
  plan(fates: readonly Fate[]): void;
  /** Delivers one lingering copy (by index, wrapping), its answer going nowhere; false when none lingers. */
  replay(pick: number): Promise<boolean>;
  restore(): void;
};

type Lingering = { cookies: Map<string, string>; input: string; init: RequestInit | undefined };

/**
 * A shim over the `fetch` the real-server helper installed. It keeps the cookies each
 * request was sent with, so a copy delivered later speaks for the device that sent it,
 * whoever is signed in by then.
 */
export function flakyNetwork(server: RealServer): FlakyNetwork {
  const network = globalThis.fetch;
  let fates: Fate[] = [];
  const lingering: Lingering[] = [];

  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const fate = fates.shift() ?? 'deliver';
    switch (fate) {
      case 'deliver':
        return network(url, init);
      case 'drop':
        throw new TypeError('Failed to fetch');
      case 'lose-answer':
        await drain(network(url, init));
        throw new TypeError('Failed to fetch');
      case 'twice':
        await drain(network(url, init));
        return network(url, init);
      case 'stash':
        lingering.push({ cookies: new Map(server.cookies), input: url, init });
        return network(url, init);
    }
  };

  return {
    plan(next) {
      fates = [...next];
    },
    async replay(pick) {
      if (lingering.length === 0) return false;
      const [copy] = lingering.splice(pick % lingering.length, 1);
      if (copy === undefined) return false;
      const signedIn = new Map(server.cookies);
      replaceAll(server.cookies, copy.cookies);
      try {
        await drain(network(copy.input, copy.init));
      } finally {
        replaceAll(server.cookies, signedIn);
      }
      return true;
    },
    restore() {
      globalThis.fetch = network;
    },
  };
}

/** Reads an answer to its end: the server has finished with the request once it has answered. */
async function drain(answer: Promise<Response>): Promise<void> {
  await (await answer).text();
}

function replaceAll(target: Map<string, string>, source: ReadonlyMap<string, string>): void {
  target.clear();
  for (const [name, value] of source) target.set(name, value);
}
