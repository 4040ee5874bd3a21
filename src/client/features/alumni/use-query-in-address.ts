import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/**
 * A search box's text, kept in the address as `?q=` (so back, forward and reload bring
 * it back) without going through the router on every key: a new router address renders
 * the whole app again, the navigation, header and every screen's guard with it, which
 * costs a phone more than the search itself.
 *
 * The text is the truth while the officer types: each key replaces the address with
 * `history.replaceState`, which the router does not see. Whatever else changes the
 * address while the screen is open — back and forward, a tap on the screen's own tab
 * (which the router, still at the address it last saw, takes for no change at all),
 * a `route()` — is followed: the box then shows that address's query.
 */
export function useQueryInAddress(path: string): [string, (text: string) => void] {
  const { url, query } = useLocation();
  const [text, setText] = useState(query.q ?? '');
  // The query the address holds for the text on screen; written with each key, so a
  // check after any event or render compares the address with the latest key.
  const shown = useRef(text);

  useEffect(() => {
    const follow = () => {
      // Another screen's address: this one is leaving, nothing to follow.
      if (location.pathname.replace(/\/+$/, '') !== path) return;
      const addressed = new URLSearchParams(location.search).get('q') ?? '';
      if (addressed === shown.current) return;
      shown.current = addressed;
      setText(addressed);
    };
    follow();
    // The router's own click listener, added when the app mounted and so called before
    // this one, has already pushed the link's address when this runs.
    addEventListener('click', follow);
    addEventListener('popstate', follow);
    return () => {
      removeEventListener('click', follow);
      removeEventListener('popstate', follow);
    };
    // The router's address as a dependency: a `route()` elsewhere is followed too.
  }, [path, url]);

  const type = (next: string) => {
    shown.current = next;
    history.replaceState(history.state, '', next === '' ? path : `${path}?q=${encodeURIComponent(next)}`);
    setText(next);
  };
  return [text, type];
}
