import { fireEvent } from '@testing-library/preact';

/**
 * Sets what `navigator.onLine` says and fires the event the browser fires when it
 * changes (inside act, so the screen has followed when this returns). The setup file
 * puts the network back after each test.
 */
export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  fireEvent(window, new Event(online ? 'online' : 'offline'));
}

/** Back to happy-dom's own answer (online), without an event: nothing is rendered any more. */
export function restoreNetwork(): void {
  Reflect.deleteProperty(navigator, 'onLine');
}
