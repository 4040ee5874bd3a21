/*
 * The status timeline rule as it stood on 2026-12-06, frozen for the migration that
 * first filled `status_steps` (2026_12_06_1400_status_steps.ts). A migration must do
 * the same thing on every install, whenever it runs, so it never calls the live rule
 * (src/shared/domain/status-timeline.ts and status-as-of.ts): those may change, and a
 * change to the rule then comes with a migration of its own that rebuilds the steps.
 * Self-contained on purpose: no import from the app. A test holds this copy equal to
 * the live rule (test/server/db/migrations/frozen-status-timeline.test.ts).
 */

export type FrozenContact = {
  id: string;
  contactedAt: string;
  createdAt: string;
  reached: boolean;
  status: 'employed' | 'business' | 'seeking' | null;
  voidedAt: string | null;
  channel: string;
};

export type FrozenStep = { day: string; status: 'employed' | 'business' | 'seeking' | 'unreachable'; selfReported: boolean };

/** Office days are counted in this zone, the office's on 2026-12-06. */
const OFFICE_TIME_ZONE = 'Asia/Makassar';
const officeDay = new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * One person's steps: on each office day someone contacted them (voided contacts never
 * count), the status of the latest reached contact up to that day — 'unreachable' when
 * every attempt so far failed — and whether the alumnus's own self-report gave it; a
 * step only where that answer changes.
 */
export function statusTimeline20261206(contacts: readonly FrozenContact[]): FrozenStep[] {
  const live = contacts.filter((contact) => contact.voidedAt === null).map((contact) => ({ contact, day: officeDay.format(new Date(contact.contactedAt)) }));
  const days = [...new Set(live.map(({ day }) => day))].sort();
  const steps: FrozenStep[] = [];
  for (const day of days) {
    let deciding: FrozenContact | undefined;
    for (const { contact, day: contactDay } of live) {
      if (contactDay > day || !contact.reached || contact.status === null) continue;
      if (deciding === undefined || laterContact(contact, deciding)) deciding = contact;
    }
    const status = deciding?.status ?? 'unreachable';
    const selfReported = deciding?.channel === 'self-report';
    const last = steps.at(-1);
    if (last?.status === status && last.selfReported === selfReported) continue;
    steps.push({ day, status, selfReported });
  }
  return steps;
}

/** Later contact time wins, then later entry, then the greater id: two phones' same-minute contacts settle alike. */
function laterContact(a: FrozenContact, b: FrozenContact): boolean {
  const order = Date.parse(a.contactedAt) - Date.parse(b.contactedAt) || Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return order !== 0 ? order > 0 : a.id > b.id;
}
