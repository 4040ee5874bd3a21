import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addSignedInUser } from './accounts';
import { useRealServer } from './real-server';
import { renderSignedIn } from './render-app';

vi.mock('../../src/client/features/cohorts/CohortsScreen', () => ({
  CohortsScreen: () => {
    throw new Error('cohorts screen broke');
  },
}));

describe('error boundary', () => {
  const server = useRealServer();
  afterEach(() => vi.restoreAllMocks());

  // The screen loads lazily, so the boundary speaks once its chunk has arrived.
  it('shows a translated message when a screen throws, keeping the shell usable', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderSignedIn('/cohorts', await addSignedInUser(server.current, 'supervisor'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Terjadi kesalahan');
    expect(screen.getByRole('button', { name: 'Muat ulang' })).toBeTruthy();
    expect(logged).toHaveBeenCalled();

    // The header and navigation survive, and leaving the broken screen recovers.
    fireEvent.click(screen.getByRole('link', { name: 'Alumni' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Alumni' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks the chosen language', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    localStorage.setItem('jejak.language', 'en');
    renderSignedIn('/cohorts', await addSignedInUser(server.current, 'provider-staff'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
