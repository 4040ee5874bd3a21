import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import type { ComponentChildren } from 'preact';
import { LocationProvider, Route, Router, useLocation, useRoute } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { AlumniScreen } from '../../src/client/features/alumni/AlumniScreen';
import { I18nProvider } from '../../src/client/i18n';
import { openDb, userDbName } from '../../src/client/storage/db';
import { DbProvider } from '../../src/client/storage/DbProvider';
import type { Alumnus } from '../../src/shared/schema';
import { anAlumnus, anId } from '../fixtures/builders';

/** The search over a device database seeded directly, as a pull would have left it. */
const databases: string[] = [];
afterEach(async () => {
  // Unmounted inside act, so the deferred effect cleanups (the provider closing its
  // connection, the live query ending) have run before the databases go.
  await act(() => cleanup());
  for (const name of databases.splice(0)) await Dexie.delete(name);
});

/** Stands in for the alumnus page, which is not under test here. */
function AlumnusStub() {
  const { params } = useRoute();
  return <h1>{`Alumnus ${params.id ?? ''}`}</h1>;
}

async function openSearch(alumni: Alumnus[], path = '/alumni', beside: ComponentChildren = null) {
  const userId = anId();
  const name = userDbName(userId);
  databases.push(name);
  const db = openDb(name);
  await db.alumni.bulkPut(alumni);
  db.close();
  history.replaceState(null, '', path);
  render(
    <I18nProvider>
      <LocationProvider>
        <DbProvider userId={userId}>
          <Router>
            <Route path="/alumni" component={AlumniScreen} />
            <Route path="/alumni/:id" component={AlumnusStub} />
          </Router>
          {/* Stands in for the navigation's "Alumni" tab. */}
          <a href="/alumni">Alumni tab</a>
          {beside}
        </DbProvider>
      </LocationProvider>
    </I18nProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Alumni' });
  // The index is ready once the loading words give way to the screen's answer.
  await waitFor(() => expect(screen.getByRole('status').textContent).not.toMatch(/^(Memuat|Loading)/));
}

const PEOPLE = {
  siti: anAlumnus({ name: 'Siti Aminah', kecamatan: 'Samarinda Ulu', phone: '+6281255550001', whatsapp: null }),
  dede: anAlumnus({ name: 'Dédé Suryani', kecamatan: 'Sungai Kunjang', phone: null, whatsapp: '+6285277770002' }),
  muhammad: anAlumnus({ name: 'Muhammad Rizky Ramadhan', kecamatan: 'Loa Janan Ilir', phone: '+6281311112222', whatsapp: null }),
  aminudin: anAlumnus({ name: 'Aminudin', kecamatan: 'Palaran', phone: null, whatsapp: null }),
};
const ALL = Object.values(PEOPLE);

const searchBox = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Cari alumni' });
const type = (text: string) => fireEvent.input(searchBox(), { target: { value: text } });
const found = () => screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

describe('alumni search', () => {
  it('offers a labelled search box with a hint, and says how many it searches', async () => {
    await openSearch(ALL);
    const box = searchBox();
    expect(box.type).toBe('search');
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole('search')).toBeTruthy();
    expect(screen.getByText('Ketik untuk mencari di antara 4 alumni di perangkat ini.')).toBeTruthy();
    expect(found()).toEqual([]);
  });

  it('finds by the start of any word of the name, ignoring case and accents, as the officer types', async () => {
    await openSearch(ALL);
    type('a');
    expect(found()).toEqual(['Aminudin', 'Siti Aminah']);
    type('AMI');
    expect(found()).toEqual(['Aminudin', 'Siti Aminah']);
    type('amin');
    expect(found()).toEqual(['Aminudin', 'Siti Aminah']);
    type('siti ami');
    expect(found()).toEqual(['Siti Aminah']);
    type('rizky');
    expect(found()).toEqual(['Muhammad Rizky Ramadhan']);
    type('dede');
    expect(found()).toEqual(['Dédé Suryani']);
    type('DÉDÉ sur');
    expect(found()).toEqual(['Dédé Suryani']);
    expect(screen.getByRole('status').textContent).toBe('1 alumni ditemukan.');
  });

  it('shows name, NIK, kecamatan and phone, linking to the person', async () => {
    await openSearch(ALL);
    type('siti');
    const result = within(screen.getByRole('listitem'));
    expect(result.getByRole('link', { name: 'Siti Aminah' }).getAttribute('href')).toBe(`/alumni/${PEOPLE.siti.id}`);
    expect(result.getByText(PEOPLE.siti.nik)).toBeTruthy();
    expect(result.getByText('Samarinda Ulu')).toBeTruthy();
    expect(result.getByText('0812-5555-0001')).toBeTruthy();
    // Only a WhatsApp number: that is the number shown.
    type('dede');
    expect(within(screen.getByRole('listitem')).getByText('0852-7777-0002')).toBeTruthy();
  });

  it('finds by the NIK, whole or in part', async () => {
    await openSearch(ALL);
    type(PEOPLE.muhammad.nik);
    expect(found()).toEqual(['Muhammad Rizky Ramadhan']);
    type(PEOPLE.dede.nik.slice(-6));
    expect(found()).toEqual(['Dédé Suryani']);
  });

  it.each(['0812-5555-0001', '0812 5555 0001', '+62 812 5555 0001', '6281255550001', '+6281255550001', '08125555'])(
    'finds by the phone typed as %s',
    async (typed) => {
      await openSearch(ALL);
      type(typed);
      expect(found()).toEqual(['Siti Aminah']);
    },
  );

  it('finds by the WhatsApp number too', async () => {
    await openSearch(ALL);
    type('0852 7777 0002');
    expect(found()).toEqual(['Dédé Suryani']);
  });

  it('says so when nobody matches, and when a number is too short to search', async () => {
    await openSearch(ALL);
    type('zulkarnain');
    expect(found()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Tidak ada alumni yang cocok dengan “zulkarnain”.');
    type('08');
    expect(screen.getByRole('status').textContent).toBe('Ketik paling sedikit 3 angka untuk mencari NIK atau nomor telepon.');
    type('');
    expect(screen.getByRole('status').textContent).toBe('Ketik untuk mencari di antara 4 alumni di perangkat ini.');
  });

  it('shows the first 50 and the total', async () => {
    const many = Array.from({ length: 60 }, (_, n) => anAlumnus({ name: `Ahmad ${String(n + 1).padStart(2, '0')}` }));
    await openSearch([...many, PEOPLE.siti]);
    type('ahmad');
    expect(found()).toHaveLength(50);
    expect(found()[0]).toBe('Ahmad 01');
    expect(screen.getByRole('status').textContent).toBe('60 alumni ditemukan; 50 pertama ditampilkan. Ketik lebih lengkap untuk mempersempit.');
  });

  it('keeps the query in the address, so coming back shows the same results', async () => {
    await openSearch(ALL);
    type('siti');
    expect(location.pathname + location.search).toBe('/alumni?q=siti');
    type('siti ami');
    expect(location.search).toBe('?q=siti%20ami');
    const lengthBefore = history.length;

    fireEvent.click(screen.getByRole('link', { name: 'Siti Aminah' }));
    expect(await screen.findByRole('heading', { level: 1, name: `Alumnus ${PEOPLE.siti.id}` })).toBeTruthy();
    // Typing replaced the entry; only opening the person added one.
    expect(history.length).toBe(lengthBefore + 1);

    history.back();
    expect(await screen.findByRole('heading', { level: 1, name: 'Alumni' })).toBeTruthy();
    expect(searchBox().value).toBe('siti ami');
    expect(found()).toEqual(['Siti Aminah']);
  });

  it('keeps every key typed quickly, and empties the box when the Alumni tab is tapped', async () => {
    await openSearch(ALL);
    // As a browser does it (not fireEvent, whose act() runs the effects at once): each key
    // renders before the next, but the effects that follow the address run after paint,
    // keys later; they must not take back what was typed meanwhile.
    for (const text of ['s', 'si', 'sit', 'siti', 'siti ', 'siti a']) {
      searchBox().value = text;
      searchBox().dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
    }
    await waitFor(() => expect(found()).toEqual(['Siti Aminah']));
    expect(searchBox().value).toBe('siti a');
    expect(location.search).toBe('?q=siti%20a');

    fireEvent.click(screen.getByRole('link', { name: 'Alumni tab' }));
    await waitFor(() => expect(searchBox().value).toBe(''));
    expect(location.pathname + location.search).toBe('/alumni');
    expect(found()).toEqual([]);
  });

  it('empties the box when the Alumni tab is tapped after typing on from a query in the address', async () => {
    await openSearch(ALL, '/alumni?q=siti');
    type('siti ami');
    expect(location.search).toBe('?q=siti%20ami');
    fireEvent.click(screen.getByRole('link', { name: 'Alumni tab' }));
    await waitFor(() => expect(searchBox().value).toBe(''));
    expect(location.pathname + location.search).toBe('/alumni');
    expect(found()).toEqual([]);
  });

  it('empties the box when the Alumni tab is tapped right after a key, and going back brings that key again', async () => {
    await openSearch(ALL);
    // Rendered, but not yet painted: the address is written after paint.
    searchBox().value = 'siti';
    searchBox().dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    expect(found()).toEqual(['Siti Aminah']);

    fireEvent.click(screen.getByRole('link', { name: 'Alumni tab' }));
    await waitFor(() => expect(searchBox().value).toBe(''));
    expect(location.pathname + location.search).toBe('/alumni');

    history.back();
    await waitFor(() => expect(searchBox().value).toBe('siti'));
    expect(location.search).toBe('?q=siti');
    expect(found()).toEqual(['Siti Aminah']);
  });

  it('goes back and forward between the searches made on the screen itself', async () => {
    await openSearch(ALL);
    // Typed, then cleared: this entry's address is the bare one the router still holds.
    type('ab');
    type('');
    fireEvent.click(screen.getByRole('link', { name: 'Alumni tab' }));
    type('siti');
    expect(found()).toEqual(['Siti Aminah']);

    history.back();
    await waitFor(() => expect(searchBox().value).toBe(''));
    expect(location.pathname + location.search).toBe('/alumni');
    expect(found()).toEqual([]);

    history.forward();
    await waitFor(() => expect(searchBox().value).toBe('siti'));
    expect(found()).toEqual(['Siti Aminah']);
  });

  it('answers a key without rendering again what follows the address', async () => {
    let renders = 0;
    function AddressReader() {
      useLocation();
      renders += 1;
      return null;
    }
    await openSearch(ALL, '/alumni', <AddressReader />);
    const before = renders;
    for (const text of ['s', 'si', 'sit', 'siti']) type(text);
    expect(found()).toEqual(['Siti Aminah']);
    expect(location.search).toBe('?q=siti');
    // The navigation, header and guards read the address too: a key must not redraw them.
    expect(renders).toBe(before);
  });

  it('opens with the results of a query in the address', async () => {
    await openSearch(ALL, '/alumni?q=ramadhan');
    expect(searchBox().value).toBe('ramadhan');
    expect(found()).toEqual(['Muhammad Rizky Ramadhan']);
  });
});

describe('alumni search in English', () => {
  it('speaks English when chosen', async () => {
    localStorage.setItem('jejak.language', 'en');
    await openSearch(ALL);
    expect(screen.getByText('Type to search the 4 alumni on this device.')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search alumni' }), { target: { value: 'nobody' } });
    expect(screen.getByRole('status').textContent).toBe('No alumni match “nobody”.');
  });
});
