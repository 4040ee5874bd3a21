import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import { openDb, userDbName, type JejakDb } from './db';

const DbContext = createContext<JejakDb | null>(null);

/**
 * Opens the signed-in user's own database for everything below it. Render it with
 * `key={userId}`: a different user gets a fresh tree, so no screen keeps state (or a
 * handle) belonging to the previous one.
 */
export function DbProvider({ userId, children }: { userId: string; children: ComponentChildren }) {
  const db = useMemo(() => openDb(userDbName(userId)), [userId]);
  useEffect(() => () => db.close(), [db]);
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

/** The signed-in user's database; there is no global one. */
export function useDb(): JejakDb {
  const db = useContext(DbContext);
  if (db === null) throw new Error('useDb() outside <DbProvider>');
  return db;
}
