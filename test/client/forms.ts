import { fireEvent, screen, within } from '@testing-library/preact';

type Scope = Pick<typeof screen, 'getByLabelText'>;

/** Types into the field labelled `label`, as the user would, and returns it. */
export function fill(label: string, value: string, scope: Scope = screen): HTMLInputElement {
  const field = scope.getByLabelText<HTMLInputElement>(label);
  fireEvent.input(field, { target: { value } });
  return field;
}

/** Picks `value` in the select labelled `label`. */
export function choose(label: string, value: string, scope: Scope = screen): HTMLSelectElement {
  const field = scope.getByLabelText<HTMLSelectElement>(label);
  fireEvent.change(field, { target: { value } });
  return field;
}

/** What a screen reader reads after a field's label: its hint, then its error, from `aria-describedby`. */
export function descriptionOf(field: HTMLElement): string {
  const ids = field.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** The form (by its accessible name) as a query scope. */
export function formNamed(name: string) {
  return within(screen.getByRole('form', { name }));
}
