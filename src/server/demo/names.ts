import type { Rng } from './random';

/**
 * People and places of Bontang for the demo. Bontang grew with the LNG and fertiliser
 * plants, so its people are a mix: Bugis and Javanese above all, then Banjar, Kutai,
 * Toraja, Dayak and others. Names follow each group's usual patterns (Bugis "Andi",
 * Kutai "Awang"/"Dayang", Christian first names with Toraja and Dayak family names).
 */

type NameParts = {
  titles?: readonly string[];
  titleChance?: number;
  first: readonly string[];
  last: readonly string[];
  lastChance: number;
};
type NamePool = { weight: number; male: NameParts; female: NameParts };

const POOLS: readonly NamePool[] = [
  { // Bugis
    weight: 34,
    male: {
      titles: ['Andi', 'Muh.', 'Muhammad'], titleChance: 0.3,
      first: ['Rahmat', 'Syamsul', 'Arman', 'Irwan', 'Ikhsan', 'Hasanuddin', 'Sudirman', 'Ansar', 'Asrul', 'Fadli', 'Akbar', 'Ilham', 'Rusdi', 'Jufri', 'Haerul', 'Baharuddin', 'Amiruddin', 'Takdir', 'Sahrul', 'Aswar', 'Syahrir', 'Muslimin'],
      last: ['Rahman', 'Hamid', 'Alamsyah', 'Syam', 'Tahir', 'Idris', 'Saleh', 'Latif', 'Amir', 'Mappa', 'Yusuf', 'Hakim'], lastChance: 0.55,
    },
    female: {
      titles: ['Andi', 'Sitti'], titleChance: 0.12,
      first: ['Hasnah', 'Nurhayati', 'Rahmawati', 'Hasmiati', 'Nurul Hikmah', 'Jumriah', 'Rosmiati', 'Hamsinah', 'Darmawati', 'Fitriani', 'Husnul Khatimah', 'Nurfadillah', 'Asmawati', 'Sukmawati', 'Musdalifah', 'Harmila', 'Risnawati', 'Nurhalisa'],
      last: ['Ramadhani', 'Syam', 'Rahman', 'Amir', 'Nur', 'Saleh'], lastChance: 0.3,
    },
  },
  { // Javanese
    weight: 30,
    male: {
      first: ['Agus', 'Budi', 'Dwi', 'Eko', 'Bambang', 'Joko', 'Slamet', 'Wahyu', 'Teguh', 'Rudi', 'Adi', 'Yoga', 'Bayu', 'Dimas', 'Galih', 'Aris', 'Hendra', 'Fajar', 'Rizky', 'Arif', 'Sigit', 'Danang'],
      last: ['Santoso', 'Setiawan', 'Prasetyo', 'Wibowo', 'Saputra', 'Nugroho', 'Kurniawan', 'Hidayat', 'Susanto', 'Pratama', 'Firmansyah', 'Purnomo', 'Wijaya', 'Hartono', 'Utomo', 'Permana'], lastChance: 0.85,
    },
    female: {
      first: ['Sri', 'Dwi', 'Tri', 'Siti', 'Endang', 'Rina', 'Dewi', 'Ayu', 'Wulan', 'Putri', 'Indah', 'Fitri', 'Retno', 'Ratna', 'Novi', 'Yuni', 'Eka', 'Nur'],
      last: ['Wahyuni', 'Lestari', 'Rahayu', 'Handayani', 'Susanti', 'Purwanti', 'Astuti', 'Kurniasih', 'Rahmawati', 'Setyowati', 'Anggraini', 'Safitri', 'Puspitasari', 'Maharani', 'Ningsih', 'Utami'], lastChance: 0.9,
    },
  },
  { // Banjar
    weight: 12,
    male: {
      titles: ['Muhammad', 'Ahmad', 'Gusti'], titleChance: 0.35,
      first: ['Rizky Ramadhan', 'Fathur Rahman', 'Rijani', 'Noor', 'Rahmadi', 'Saifullah', 'Mahyudin', 'Hairul Anwar', 'Syahrani', 'Rusliansyah', 'Jailani', 'Norhadi', 'Irfansyah', 'Abdul Hadi', 'Fahrurrazi'],
      last: ['Noor', 'Arsyad', 'Hasbi', 'Fauzi'], lastChance: 0.2,
    },
    female: {
      first: ['Siti Aisyah', 'Norhayati', 'Mahyuni', 'Rusmini', 'Normila', 'Rabiatul Adawiyah', 'Siti Fatimah', 'Noor Aida', 'Hayatun Nufus', 'Masliani', 'Mariana', 'Raudah', 'Nor Laila', 'Faridah', 'Halimatus Sa\'diah'],
      last: ['Noor', 'Hasanah', 'Rahmah'], lastChance: 0.15,
    },
  },
  { // Kutai
    weight: 9,
    male: {
      titles: ['Awang', 'Aji'], titleChance: 0.3,
      first: ['Darmawan', 'Ramadhan', 'Ferdian', 'Sofyan', 'Juliansyah', 'Herliansyah', 'Supriadi', 'Firdaus', 'Rusdiansyah', 'Ardiansyah', 'Hendriansyah', 'Junaidi', 'Syahrudin'],
      last: ['Effendi', 'Saputra', 'Rahman'], lastChance: 0.25,
    },
    female: {
      titles: ['Dayang', 'Aji'], titleChance: 0.25,
      first: ['Nurlela', 'Fitria', 'Ani Suryani', 'Rosita', 'Hairani', 'Marlina', 'Yuliana', 'Herlina', 'Misnawati', 'Nurjannah', 'Sarifah', 'Rusmiati'],
      last: ['Sari', 'Rahmawati'], lastChance: 0.15,
    },
  },
  { // Toraja
    weight: 6,
    male: {
      first: ['Marthen', 'Yosef', 'Daniel', 'Samuel', 'Yulius', 'Frans', 'Yohanis', 'Agustinus', 'Markus', 'Ronald', 'Yusuf', 'Petrus'],
      last: ['Rante', 'Pakiding', 'Tandirerung', 'Sampe', 'Palimbong', 'Paembonan', 'Tangdilintin', 'Patandean', 'Sarira', 'Pasolang', 'Tandi Rapa', 'Kombong'], lastChance: 1,
    },
    female: {
      first: ['Yuliana', 'Martha', 'Debora', 'Ester', 'Ribka', 'Selvi', 'Meiliana', 'Natalia', 'Kristina', 'Rut', 'Yohana'],
      last: ['Rante', 'Pakiding', 'Sampe', 'Palimbong', 'Paembonan', 'Sarira', 'Kombong', 'Lembang'], lastChance: 1,
    },
  },
  { // Dayak (Kenyah, Bahau, Benuaq)
    weight: 4,
    male: {
      first: ['Yohanes', 'Stefanus', 'Paulus', 'Petrus', 'Markus', 'Agustinus', 'Lukas', 'Fransiskus', 'Benediktus', 'Kristian', 'Ignatius'],
      last: ['Lawing', 'Ajang', 'Lencau', 'Ping', 'Jalung', 'Himang', 'Ului', 'Bilung', 'Ngau', 'Laing'], lastChance: 1,
    },
    female: {
      first: ['Maria', 'Yuliana', 'Theresia', 'Agustina', 'Veronika', 'Elisabet', 'Katarina', 'Margareta', 'Natalia', 'Marselina'],
      last: ['Ding', 'Bui', 'Lawing', 'Ajang', 'Usat', 'Lencau', 'Ului'], lastChance: 1,
    },
  },
  { // Others: Batak, Flores, Madura, Mandar
    weight: 5,
    male: {
      first: ['Rudi', 'Hotman', 'Roy', 'Yohanes', 'Moh.', 'Abdul', 'Sabri', 'Kornelis'],
      last: ['Simanjuntak', 'Siregar', 'Sitorus', 'Nainggolan', 'Hutapea', 'Seran', 'Bere', 'Hasan', 'Mandar'], lastChance: 1,
    },
    female: {
      first: ['Rosmawati', 'Lamtiur', 'Dame', 'Maria Goreti', 'Siti Khotijah', 'Fransiska', 'Hartini'],
      last: ['Simanjuntak', 'Siregar', 'Nainggolan', 'Bere', 'Seran', 'Hutagalung'], lastChance: 0.8,
    },
  },
];

export function personName(rng: Rng, gender: 'male' | 'female'): string {
  const pool = rng.weighted(POOLS.map((p) => [p, p.weight] as const));
  const parts = pool[gender];
  const words: string[] = [];
  if (parts.titles && rng.chance(parts.titleChance ?? 0)) words.push(rng.pick(parts.titles));
  words.push(rng.pick(parts.first));
  if (rng.chance(parts.lastChance)) words.push(rng.pick(parts.last));
  return words.join(' ');
}

/** The given name officers use on the phone and in business names ("Barbershop Rizal"). */
export function callName(fullName: string): string {
  const words = fullName.split(' ').filter((w) => !['Andi', 'Muh.', 'Muhammad', 'Ahmad', 'Gusti', 'Awang', 'Aji', 'Dayang', 'Sitti', 'Moh.'].includes(w));
  return words[0] ?? fullName;
}

export type Kecamatan = {
  name: string;
  /** Digits 5–6 of a NIK issued here (Kemendagri code 64.74.xx). */
  code: string;
  weight: number;
  kelurahan: readonly string[];
  streets: readonly string[];
  /** Rough centre for GPS fixes of home visits. */
  lat: number;
  lng: number;
};

export const KECAMATAN: readonly Kecamatan[] = [
  {
    name: 'Bontang Utara', code: '01', weight: 42,
    kelurahan: ['Bontang Baru', 'Api-Api', 'Gunung Elai', 'Loktuan', 'Guntung', 'Bontang Kuala'],
    streets: ['Jl. Ahmad Yani', 'Jl. Imam Bonjol', 'Jl. KS Tubun', 'Jl. Pattimura', 'Jl. Cut Nyak Dien', 'Jl. Gajah Mada', 'Jl. Awang Long', 'Jl. Mulawarman', 'Jl. Pupuk Raya'],
    lat: 0.146, lng: 117.492,
  },
  {
    name: 'Bontang Selatan', code: '02', weight: 40,
    kelurahan: ['Berbas Tengah', 'Berbas Pantai', 'Satimpo', 'Bontang Lestari', 'Tanjung Laut', 'Tanjung Laut Indah'],
    streets: ['Jl. Brigjend Katamso', 'Jl. MT Haryono', 'Jl. DI Panjaitan', 'Jl. Pelabuhan', 'Jl. Soekarno-Hatta', 'Jl. Hayam Wuruk', 'Jl. Poros Bontang–Samarinda', 'Jl. Selat Makassar'],
    lat: 0.113, lng: 117.486,
  },
  {
    name: 'Bontang Barat', code: '03', weight: 18,
    kelurahan: ['Kanaan', 'Gunung Telihan', 'Belimbing'],
    streets: ['Jl. Letjend S. Parman', 'Jl. Bhayangkara', 'Jl. Kapten Pierre Tendean', 'Jl. Sutomo', 'Jl. Jend. Sudirman', 'Jl. Kanaan Raya'],
    lat: 0.134, lng: 117.462,
  },
];

export function pickKecamatan(rng: Rng): Kecamatan {
  return rng.weighted(KECAMATAN.map((k) => [k, k.weight] as const));
}

export function streetAddress(rng: Rng, kecamatan: Kecamatan): string {
  return `${rng.pick(kecamatan.streets)} No. ${rng.int(1, 120)}, RT ${String(rng.int(1, 40)).padStart(2, '0')}`;
}

/** Mobile prefixes of the big four operators (Telkomsel, Indosat, XL, Tri). */
const MOBILE_PREFIXES = ['811', '812', '813', '821', '822', '823', '852', '853', '814', '815', '816', '855', '856', '857', '858', '817', '818', '819', '859', '877', '878', '895', '896', '897', '898', '899'];

/** A mobile number already in the stored form `+628…`. */
export function mobilePhone(rng: Rng): string {
  return `+62${rng.pick(MOBILE_PREFIXES)}${rng.digits(rng.chance(0.7) ? 8 : 7)}`;
}

/** A fixed line in Bontang (area code 0548). */
export function landline(rng: Rng): string {
  return `+62548${rng.pick(['2', '3', '4'])}${rng.digits(4)}`;
}
