/**
 * The vocations a new office starts with: courses that BLKs and LPKs across Indonesia
 * commonly run, named as Kemnaker's vocational fields (kejuruan) and the SKKNI
 * competency schemes name them. A starting point only: admins rename, add or deactivate
 * entries in /admin, and a vocation nobody uses costs nothing.
 */
export const VOCATION_CATALOGUE: readonly string[] = [
  // Teknik las, manufaktur, otomotif
  'Pengelasan (SMAW)',
  'Pengelasan (GMAW/MIG)',
  'Teknik Pemesinan Bubut',
  'Otomotif Sepeda Motor',
  'Otomotif Mobil Bensin',
  'Mekanik Alat Berat',
  'Operator Forklift',
  // Listrik, elektronika, refrigerasi
  'Instalasi Listrik Bangunan',
  'Teknisi Panel Surya',
  'Teknisi Telepon Seluler',
  'Elektronika Rumah Tangga',
  'Teknisi Pendingin dan Tata Udara (AC)',
  // Teknologi informasi
  'Operator Komputer',
  'Desain Grafis',
  'Pemrograman Web',
  'Teknisi Jaringan Komputer',
  'Pemasaran Digital',
  // Bangunan
  'Tukang Bangunan (Batu dan Beton)',
  'Plambing',
  'Furnitur dan Pertukangan Kayu',
  // Tata boga, busana, kecantikan
  'Tata Boga',
  'Pembuatan Roti dan Kue',
  'Barista',
  'Menjahit Pakaian',
  'Tata Rias Wajah',
  'Tata Kecantikan Rambut',
  'Barbershop (Pangkas Rambut)',
  // Pariwisata dan perhotelan
  'Housekeeping Hotel',
  'Front Office Hotel',
  'Pelayanan Makanan dan Minuman',
  // Bisnis, bahasa, perawatan
  'Administrasi Perkantoran',
  'Akuntansi dan Pembukuan Usaha',
  'Kewirausahaan',
  'Bahasa Inggris',
  'Bahasa Jepang',
  'Bahasa Korea',
  'Perawat Lansia (Caregiver)',
  // Pertanian dan perikanan
  'Budidaya Ikan Air Tawar',
  'Hidroponik',
  'Pengolahan Hasil Pertanian',
];
