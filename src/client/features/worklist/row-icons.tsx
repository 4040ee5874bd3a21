/** The worklist row's action icons, stroke drawn on a 24 grid like the navigation's; their names come from the link text. */
const PATHS = {
  call: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  whatsapp: 'M3 21l1.6-4.7A8.5 8.5 0 1 1 8 19.6z',
  sms: 'M4 5h16v11H9l-5 4zM8 10.5h8',
  log: 'M4 20h4L19 9l-4-4L4 16z',
  more: 'M5 12h1.5M11.25 12h1.5M17.5 12h1.5',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
} as const;

export type RowIconName = keyof typeof PATHS;

export function RowIcon({ name }: { name: RowIconName }) {
  return (
    <svg class="worklist-row__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
