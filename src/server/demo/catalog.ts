import type { MoneyBand, ProviderKind } from '../../shared/schema';

/**
 * The fixed part of the demo: who trains what in Bontang, and what graduates of each
 * vocation typically go on to do there (the LNG plant, the fertiliser plant, coal mines
 * and their contractors, hotels, shops and small businesses).
 */

export type ProviderSeed = {
  key: string;
  name: string;
  kind: ProviderKind;
  address: string;
  /** Username of the provider's staff account; the agency's own courses have none. */
  staff: { username: string; displayName: string } | null;
};

export const PROVIDERS: readonly ProviderSeed[] = [
  { key: 'upt', name: 'UPT Pelatihan Kerja Disnaker Kota Bontang', kind: 'agency', address: 'Jl. Bessai Berinta, Bontang Lestari, Bontang Selatan', staff: null },
  { key: 'blk', name: 'BLK Komunitas Ponpes Nurul Huda Bontang', kind: 'blk', address: 'Jl. Kapten Pierre Tendean No. 27, Gunung Telihan, Bontang Barat', staff: { username: 'blk.nurulhuda', displayName: 'Ustaz Hamzah Idris' } },
  { key: 'barber', name: 'LPK Barber Nusantara Bontang', kind: 'lpk', address: 'Jl. Ahmad Yani No. 88, Api-Api, Bontang Utara', staff: { username: 'lpk.barber', displayName: 'Reza Firmansyah' } },
  { key: 'mandiri', name: 'LPK Mandiri Bontang', kind: 'lpk', address: 'Jl. MT Haryono No. 14, Berbas Tengah, Bontang Selatan', staff: { username: 'lpk.mandiri', displayName: 'Hj. Nurlaela Syam' } },
  { key: 'ayu', name: 'LPK Ayu Kencana', kind: 'lpk', address: 'Jl. Cut Nyak Dien No. 5, Bontang Baru, Bontang Utara', staff: { username: 'lpk.ayukencana', displayName: 'Ayu Kusuma Dewi' } },
  { key: 'cendekia', name: 'LPK Cendekia Komputer', kind: 'lpk', address: 'Jl. Brigjend Katamso No. 41, Tanjung Laut, Bontang Selatan', staff: { username: 'lpk.cendekia', displayName: 'Arif Budiman' } },
  { key: 'teknika', name: 'LPK Teknika Kaltim', kind: 'lpk', address: 'Jl. Pupuk Raya No. 3, Guntung, Bontang Utara', staff: { username: 'lpk.teknika', displayName: 'Ir. Syahrir Tahir' } },
  { key: 'global', name: 'LPK Global English Bontang', kind: 'lpk', address: 'Jl. Letjend S. Parman No. 19, Belimbing, Bontang Barat', staff: { username: 'lpk.globalenglish', displayName: 'Christina Rante' } },
];

type Job = { employers: readonly string[]; title: string; sector: string };
type Business = { kind: string; names: readonly string[] };

export type VocationSeed = {
  key: string;
  name: string;
  /** Share of women among participants. */
  femaleShare: number;
  /** Course length in calendar days. */
  days: [number, number];
  /** Relative odds of a graduate being employed / running a business by August. */
  jobWeight: number;
  businessWeight: number;
  jobs: readonly Job[];
  /** Business names use `{n}` for the owner's given name. */
  businesses: readonly Business[];
};

const PKT_CONTRACTORS = ['PT Pupuk Kalimantan Timur (kontraktor PT Kaltim Daya Mandiri)', 'PT Badak NGL (kontraktor PT Meindo Elang Indah)', 'PT Kaltim Parna Industri', 'PT Kaltim Methanol Industri', 'PT Indominco Mandiri'];
const HOTELS = ['Hotel Bintang Sintuk', 'Hotel Tiara Surya Bontang', 'Grand Mutiara Hotel Bontang', 'Hotel Equator Bontang'];
const SHOPS = ['Toko Bangunan Sinar Jaya', 'Indomaret Jl. Ahmad Yani', 'Alfamidi Berbas', 'Toko Elektronik Maju Bersama', 'Mitra Swalayan Bontang'];

export const VOCATIONS: readonly VocationSeed[] = [
  { key: 'barbershop', name: 'Barbershop', femaleShare: 0.05, days: [30, 40], jobWeight: 1.5, businessWeight: 3,
    jobs: [{ employers: ['Bravo Barbershop Bontang', 'Captain Barbershop Api-Api', 'Gentleman Cut Bontang Baru'], title: 'Kapster', sector: 'Jasa perorangan' }],
    businesses: [{ kind: 'Barbershop', names: ['{n} Barbershop', 'Barber {n}', 'Pangkas Rambut {n}', 'Cukur Rapi {n}'] }] },
  { key: 'tata-rias', name: 'Tata Rias', femaleShare: 0.95, days: [25, 35], jobWeight: 1, businessWeight: 3,
    jobs: [{ employers: ['Salon Ayu Bontang', 'Rumah Cantik Kirana', 'Wedding Organizer Sekar Arum'], title: 'Asisten MUA', sector: 'Jasa perorangan' }],
    businesses: [{ kind: 'Jasa rias pengantin', names: ['{n} Make Up', 'Rias Pengantin {n}', '{n} Beauty'] }] },
  { key: 'menjahit', name: 'Menjahit', femaleShare: 0.9, days: [30, 36], jobWeight: 1, businessWeight: 3,
    jobs: [{ employers: ['Konveksi Berkah Bontang', 'Penjahit Seragam Mulia', 'Butik Nurul Fashion'], title: 'Penjahit', sector: 'Industri pengolahan' }],
    businesses: [{ kind: 'Jasa jahit', names: ['Jahit {n}', '{n} Tailor', 'Vermak {n}'] }] },
  { key: 'pengelasan', name: 'Pengelasan', femaleShare: 0.02, days: [30, 40], jobWeight: 3, businessWeight: 1.5,
    jobs: [{ employers: [...PKT_CONTRACTORS, 'CV Bontang Teknik Mandiri', 'PT Galangan Kapal Tanjung Laut'], title: 'Juru las (welder)', sector: 'Industri pengolahan' }],
    businesses: [{ kind: 'Bengkel las', names: ['Bengkel Las {n}', 'Las Teralis {n}'] }] },
  { key: 'listrik', name: 'Instalasi Listrik', femaleShare: 0.05, days: [25, 35], jobWeight: 2, businessWeight: 1,
    jobs: [{ employers: [...PKT_CONTRACTORS, 'CV Cahaya Teknik Bontang', 'PLN ULP Bontang (mitra)'], title: 'Helper elektrikal', sector: 'Konstruksi' }],
    businesses: [{ kind: 'Jasa instalasi listrik', names: ['Listrik {n}', '{n} Elektrik'] }] },
  { key: 'komputer', name: 'Komputer Perkantoran', femaleShare: 0.65, days: [20, 30], jobWeight: 2, businessWeight: 0.5,
    jobs: [{ employers: ['Koperasi Karyawan Pupuk Kaltim', 'PT Indominco Mandiri', 'Kantor Notaris Hj. Ramlah, S.H.', ...SHOPS], title: 'Staf administrasi', sector: 'Jasa perusahaan' }],
    businesses: [{ kind: 'Jasa pengetikan dan fotokopi', names: ['Fotokopi {n}', 'Rental Komputer {n}'] }] },
  { key: 'desain', name: 'Desain Grafis', femaleShare: 0.4, days: [25, 30], jobWeight: 1.5, businessWeight: 1.5,
    jobs: [{ employers: ['Percetakan Mandiri Grafika', 'Bontang Post', 'CV Kreasi Digital Bontang'], title: 'Desainer grafis', sector: 'Informasi dan komunikasi' }],
    businesses: [{ kind: 'Jasa desain dan sablon', names: ['{n} Design', 'Sablon {n}', 'Digital Printing {n}'] }] },
  { key: 'ac', name: 'Teknisi AC', femaleShare: 0.03, days: [25, 35], jobWeight: 2, businessWeight: 2,
    jobs: [{ employers: ['CV Sejuk Jaya Teknik', 'Toko Elektronik Maju Bersama', ...HOTELS.slice(0, 2)], title: 'Teknisi AC', sector: 'Jasa reparasi' }],
    businesses: [{ kind: 'Jasa servis AC', names: ['Servis AC {n}', '{n} Teknik', 'Dingin Jaya {n}'] }] },
  { key: 'otomotif', name: 'Otomotif Sepeda Motor', femaleShare: 0.04, days: [30, 40], jobWeight: 2, businessWeight: 2,
    jobs: [{ employers: ['Bengkel AHASS Bontang Baru', 'Yamaha Bintang Motor Bontang', 'Bengkel Karya Abadi'], title: 'Mekanik', sector: 'Perdagangan dan reparasi' }],
    businesses: [{ kind: 'Bengkel motor', names: ['Bengkel {n} Motor', '{n} Speed', 'Tambal Ban & Servis {n}'] }] },
  { key: 'tata-boga', name: 'Tata Boga', femaleShare: 0.85, days: [20, 30], jobWeight: 1.5, businessWeight: 3,
    jobs: [{ employers: ['PT Indocater (katering tambang)', ...HOTELS, 'Rumah Makan Sari Laut Bontang Kuala'], title: 'Juru masak (cook helper)', sector: 'Akomodasi dan makan minum' }],
    businesses: [{ kind: 'Usaha kue dan katering', names: ['Dapur {n}', 'Kue {n}', 'Katering {n}'] }] },
  { key: 'barista', name: 'Barista', femaleShare: 0.4, days: [20, 25], jobWeight: 2, businessWeight: 2,
    jobs: [{ employers: ['Kopi Kenangan Bontang', 'Kedai Kopi Pelabuhan', ...HOTELS.slice(1)], title: 'Barista', sector: 'Akomodasi dan makan minum' }],
    businesses: [{ kind: 'Kedai kopi', names: ['Kopi {n}', 'Kedai {n}', 'Ngopi di {n}'] }] },
  { key: 'forklift', name: 'Operator Forklift', femaleShare: 0.03, days: [20, 25], jobWeight: 3, businessWeight: 0.2,
    jobs: [{ employers: ['PT Kaltim Industrial Estate', 'PT Pupuk Kalimantan Timur (gudang, via PT Sucofindo)', 'PT Pelabuhan Indonesia Bontang (mitra)', 'PT Indominco Mandiri'], title: 'Operator forklift', sector: 'Transportasi dan pergudangan' }],
    businesses: [{ kind: 'Warung sembako', names: ['Warung {n}', 'Toko {n}'] }] },
  { key: 'inggris', name: 'Bahasa Inggris', femaleShare: 0.6, days: [30, 40], jobWeight: 1.5, businessWeight: 0.5,
    jobs: [{ employers: HOTELS, title: 'Staf front office', sector: 'Akomodasi dan makan minum' }, { employers: ['PT Badak NGL (kontraktor PT Meindo Elang Indah)', 'PT Indominco Mandiri'], title: 'Staf administrasi proyek', sector: 'Pertambangan dan penggalian' }],
    businesses: [{ kind: 'Les privat Bahasa Inggris', names: ['English Corner {n}', 'Les Privat {n}'] }] },
];

/** Jobs that graduates of any course take when nothing in their trade turns up. */
export const FALLBACK_JOBS: readonly Job[] = [
  { employers: SHOPS, title: 'Pramuniaga', sector: 'Perdagangan' },
  { employers: ['PT Indominco Mandiri', 'PT Kaltim Nitrate Indonesia', 'PT Kaltim Industrial Estate'], title: 'Tenaga harian lepas', sector: 'Industri pengolahan' },
  { employers: ['Rumah Sakit Pupuk Kaltim (outsourcing)', 'RSUD Taman Husada Bontang (outsourcing)'], title: 'Cleaning service', sector: 'Jasa perusahaan' },
];

export const INCOME_BANDS: readonly (readonly [MoneyBand, number])[] = [
  ['under-1m', 8], ['1m-3m', 45], ['3m-5m', 35], ['5m-10m', 11], ['over-10m', 1],
];
export const REVENUE_BANDS: readonly (readonly [MoneyBand, number])[] = [
  ['under-1m', 25], ['1m-3m', 45], ['3m-5m', 20], ['5m-10m', 9], ['over-10m', 1],
];

/**
 * Cohorts per provider and vocation: [provider, vocation, apbd-murni, apbd-perubahan].
 * 40 murni cohorts (748 people) and 35 perubahan cohorts (622) at 16–20 a cohort.
 */
export const COHORT_PLAN: readonly (readonly [string, string, number, number])[] = [
  ['upt', 'menjahit', 3, 2], ['upt', 'tata-boga', 3, 2], ['upt', 'otomotif', 3, 3],
  ['upt', 'ac', 2, 2], ['upt', 'komputer', 3, 2], ['upt', 'barista', 2, 1], ['upt', 'forklift', 2, 2],
  ['blk', 'pengelasan', 2, 2], ['blk', 'listrik', 2, 2], ['blk', 'otomotif', 1, 1],
  ['barber', 'barbershop', 1, 1],
  ['ayu', 'tata-rias', 3, 2], ['ayu', 'menjahit', 1, 1],
  ['cendekia', 'komputer', 3, 3], ['cendekia', 'desain', 2, 2],
  ['teknika', 'pengelasan', 2, 2], ['teknika', 'forklift', 1, 1], ['teknika', 'ac', 1, 0],
  ['global', 'inggris', 2, 2],
  ['mandiri', 'tata-boga', 1, 1], ['mandiri', 'barista', 0, 1],
];

export const OFFICERS = [
  { username: 'petugas.andi', displayName: 'Andi Syahrul Alamsyah' },
  { username: 'petugas.wulan', displayName: 'Wulan Sari Rahayu' },
  { username: 'petugas.rahmat', displayName: 'Rahmat Hidayat' },
  { username: 'petugas.yohanes', displayName: 'Yohanes Lawing' },
] as const;
