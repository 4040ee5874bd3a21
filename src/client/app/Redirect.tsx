import { useLocation } from 'preact-iso';
import { useLayoutEffect } from 'preact/hooks';

/** Replaces the address (no history entry, so Back does not bounce) and renders nothing. */
export function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useLayoutEffect(() => route(to, true), [route, to]);
  return null;
}
