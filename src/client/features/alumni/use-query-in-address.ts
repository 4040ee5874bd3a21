import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/**
 * A search box's text, kept in the address as `?q=` (so back, forward and reload bring
 * it back) without going through the router on every key: a new router address renders
 * the whole app again, the navigation, header and every screen's guard with it, which
 * costs a phone more than the search itself.
 *
 * The text is the truth while the officer types. The address is replaced after the
 * key's answer is painted (`history.replaceState`, which the router does not see, takes
 * a millisecond or more, several on a busy phone); before any click, so a link never
 * leaves the last key unwritten. Whatever else changes the address while the screen is
 * open — back and forward, a tap on the screen's own tab (which the router, still at
 * the address it last saw, takes for no change at all), a `route()` — is followed: the
 * box then shows that address's query.
 */
export function useQueryInAddress(path: string): [string, (text: string) => void] {
  const { url, query } = useLocation();
  const [text, setText] = useState(query.q ?? '');
  // The text on screen, as of the latest key (state is a render behind in listeners).
  const shown = useRef(text);
  // The query this screen last wrote to the address, or found there.
  const addressed = useRef(text);

  const writeAddress = () => {
    if (addressed.current === shown.current) return;
    addressed.current = shown.current;
    history.replaceState(history.state, '', shown.current === '' ? path : `${path}?q=${encodeURIComponent(shown.current)}`);
  };
  useEffect(writeAddress, [text]);

  useEffect(() => {
    const follow = () => {
      // Another screen's address: this one is leaving, nothing to follow.
      if (location.pathname.replace(/\/+$/, '') !== path) return;
      const inAddress = new URLSearchParams(location.search).get('q') ?? '';
      if (inAddress === addressed.current) return;
      addressed.current = inAddress;
      shown.current = inAddress;
      setText(inAddress);
    };
    follow();
    // Capturing, so before the router's own listener (bubbling) pushes a link's address:
    // the last key goes to the entry it was typed on. The router's listener, added when
    // the app mounted, runs before `follow`, which then sees the link's address.
    addEventListener('click', writeAddress, true);
    addEventListener('click', follow);
    addEventListener('popstate', follow);
    return () => {
      removeEventListener('click', writeAddress, true);
      removeEventListener('click', follow);
      removeEventListener('popstate', follow);
    };
    // The router's address as a dependency: a `route()` elsewhere is followed too.
  }, [path, url]);

  const type = (next: string) => {
    shown.current = next;
    setText(next);
  };
  return [text, type];
}
