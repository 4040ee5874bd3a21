/**
 * The form's draft, kept in localStorage as the officer types: a call cut off, a tap on
 * the wrong tab or the phone killing the browser must not cost what was typed. Kept per
 * user (another officer on the same phone never sees it) and per alumnus.
 *
 * localStorage rather than IndexedDB: it is synchronous, so the draft is on disk before
 * the page can go away, and reading it back needs no wait before the form shows. Every
 * function here _never_ throws: storage that is full or disabled only means no draft.
 */
export function draftKey(userId: string, alumnusId: string): string {
  return `jejak-draft:${userId}:follow-up:${alumnusId}`;
}

export function readDraft(key: string): unknown {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? null : (JSON.parse(stored) as unknown);
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or disabled: the form still holds the values; only leaving it would lose them.
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to do: a draft that cannot be removed could not have been written either.
  }
}
