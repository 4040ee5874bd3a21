import { useEffect, useState } from 'preact/hooks';

/**
 * Whether the browser believes it has a network. `navigator.onLine` may say "online"
 * behind a captive portal or a dead mobile link; sync still has to cope with failed
 * requests. It is never wrong about "offline", which is what the indicator is for.
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    update();
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}
