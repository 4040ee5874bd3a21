import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { restoreNetwork } from './network';

// findBy…/waitFor wait for the real server (scrypt alone takes a fifth of a second) and
// for lazy screens, on a busy two-core machine; still well inside the 20 s test timeout.
configure({ asyncUtilTimeout: 8000 });

afterEach(() => {
  cleanup();
  restoreNetwork();
  localStorage.clear();
  document.documentElement.lang = 'id';
  history.replaceState(null, '', '/');
});
