import { addDays, type IsoDate } from '../../shared/domain/dates';
import type {
  Alumnus,
  Channel,
  Cohort,
  FollowUp,
  MoneyBand,
  UnreachedReason,
  User,
} from '../../shared/schema';
import { FALLBACK_JOBS, INCOME_BANDS, REVENUE_BANDS, type VocationSeed } from './catalog';
import { officeTime, plusMinutes } from './clock';
import { callName, type Kecamatan } from './names';
import type { Rng } from './random';

/** A graduate as the follow-up scenarios see them. */
export type Trainee = {
  alumnus: Alumnus;
  kecamatan: Kecamatan;
  cohort: Cohort;
  vocation: VocationSeed;
  graduationDate: IsoDate;
};

/** What a contact found; `newJob` makes an employed person change employer. */
export type Finding =
  | { status: 'employed'; since: IsoDate; newJob?: boolean }
  | { status: 'business'; since: IsoDate }
  | { status: 'seeking' }
  | { status: 'unreached'; reason: UnreachedReason };

type Job = { employer: string; jobTitle: string; sector: string; incomeBand: MoneyBand; since: IsoDate };
type Venture = { name: string; kind: string; employees: number; revenueBand: MoneyBand; since: IsoDate };

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const SEEKING_NOTES = [
  'Belum bekerja, sudah memasukkan lamaran ke beberapa perusahaan.',
  'Masih mencari kerja, minta info lowongan di kawasan industri Pupuk Kaltim.',
  'Menunggu panggilan dari kontraktor PT Badak NGL.',
  'Belum bekerja, berminat ikut pelatihan lanjutan.',
  'Membantu usaha orang tua, belum ada pekerjaan tetap.',
  'Sudah membuat kartu AK/1, aktif melamar lewat bursa kerja Disnaker.',
  'Belum bekerja; ingin membuka usaha sendiri tetapi belum ada modal.',
];
/** What an officer writes after a failed attempt, by reason and by how they tried. */
const UNREACHED_NOTES: Record<UnreachedReason, Partial<Record<Channel, readonly string[]>>> = {
  'no-answer': {
    phone: ['Ditelepon tidak diangkat.', 'Ditelepon dua kali, nomor di luar jangkauan.'],
    whatsapp: ['Pesan WhatsApp terkirim, belum dibalas.', 'Pesan WhatsApp masih centang satu.'],
    visit: ['Dikunjungi, rumah kosong. Titip pesan ke tetangga.', 'Tidak ada orang di rumah, akan dikunjungi lagi.'],
  },
  'wrong-number': { phone: ['Nomor tidak terdaftar.', 'Salah sambung, nomor sudah dipakai orang lain.'] },
  moved: {
    visit: ['Menurut tetangga sudah pindah ke Sangatta ikut suami.', 'Sudah kembali ke kampung halaman di Sulawesi Selatan.', 'Rumah kontrakan sudah kosong, pindah ke Balikpapan.'],
  },
  refused: { phone: ['Tidak bersedia memberi keterangan.'], visit: ['Keluarga tidak bersedia memberi keterangan.'] },
  other: {
    phone: ['Sedang dirawat di rumah sakit menurut keluarga, dihubungi lagi nanti.'],
    visit: ['Sedang ke luar kota, keluarga minta dihubungi bulan depan.', 'Alamat tidak ditemukan.'],
  },
};

/**
 * Builds follow-up records, keeping each person's job and business between contacts so
 * a later "still employed" names the same employer.
 */
export class FollowUpWriter {
  readonly records: FollowUp[] = [];
  private readonly jobs = new Map<string, Job>();
  private readonly ventures = new Map<string, Venture>();

  /**
   * @param officers the first three cover Bontang Utara, Selatan and Barat; the fourth
   *   joined on `extraOfficerFrom` and helps everywhere from then on.
   */
  constructor(
    private readonly rng: Rng,
    private readonly officers: readonly User[],
    private readonly extraOfficerFrom: IsoDate,
  ) {}

  log(person: Trainee, date: IsoDate, finding: Finding): FollowUp {
    const { rng } = this;
    const channel = this.channel(person.alumnus, finding);
    // Someone with no number is visited, so a failed visit cannot blame a wrong number.
    if (finding.status === 'unreached' && finding.reason === 'wrong-number' && channel === 'visit') {
      finding = { status: 'unreached', reason: 'other' };
    }
    const contactedAt = officeTime(date, rng.int(8, 15), rng.int(0, 59));
    const createdAt = plusMinutes(contactedAt, channel === 'visit' ? rng.int(5, 40) : rng.int(1, 5));
    const gps = channel === 'visit' && rng.chance(0.85) ? this.gps(person.kecamatan) : null;
    const record: FollowUp = {
      id: rng.uuid(),
      createdAt,
      updatedAt: createdAt,
      alumnusId: person.alumnus.id,
      officerId: this.officer(person, date).id,
      contactedAt,
      channel,
      reached: finding.status !== 'unreached',
      unreachedReason: finding.status === 'unreached' ? finding.reason : null,
      status: finding.status === 'unreached' ? null : finding.status,
      statusStartDate: null,
      employer: '',
      jobTitle: '',
      sector: '',
      incomeBand: null,
      businessName: '',
      businessKind: '',
      businessEmployees: null,
      revenueBand: null,
      notes: '',
      gpsLat: gps?.lat ?? null,
      gpsLng: gps?.lng ?? null,
      gpsAccuracy: gps?.accuracy ?? null,
      nextFollowUpDate: null,
      voidedAt: null,
      voidedBy: null,
      voidReason: '',
    };
    this.fill(record, person, finding, date, channel);
    this.records.push(record);
    return record;
  }

  /** Voids a logged contact: the record stays, marked, so the correction syncs and shows. */
  void(record: FollowUp, byUserId: string, at: string, reason: string): void {
    Object.assign(record, { voidedAt: at, voidedBy: byUserId, voidReason: reason, updatedAt: at });
  }

  private fill(record: FollowUp, person: Trainee, finding: Finding, date: IsoDate, channel: Channel): void {
    const { rng } = this;
    const later = (min: number, max: number) => addDays(date, rng.int(min, max));
    switch (finding.status) {
      case 'employed': {
        const job = this.job(person, finding.since, finding.newJob === true);
        Object.assign(record, { statusStartDate: job.since, employer: job.employer, jobTitle: job.jobTitle, sector: job.sector, incomeBand: job.incomeBand });
        record.notes = rng.pick([
          `Bekerja sebagai ${job.jobTitle.toLowerCase()} di ${job.employer}.`,
          `Bekerja di ${job.employer} sejak ${monthYear(job.since)}, status kontrak.`,
          `Diterima kerja dengan melampirkan sertifikat pelatihan.`,
          '',
        ]);
        if (rng.chance(0.25)) record.nextFollowUpDate = later(85, 95);
        return;
      }
      case 'business': {
        const venture = this.venture(person, finding.since);
        Object.assign(record, { statusStartDate: venture.since, businessName: venture.name, businessKind: venture.kind, businessEmployees: venture.employees, revenueBand: venture.revenueBand });
        record.notes = rng.pick([
          `Membuka ${venture.kind.toLowerCase()} sendiri sejak ${monthYear(venture.since)}.`,
          'Usaha berjalan, modal sendiri dan pinjaman keluarga.',
          'Usaha berjalan. Minta info bantuan peralatan dari Disnaker.',
          '',
        ]);
        if (rng.chance(0.25)) record.nextFollowUpDate = later(85, 95);
        return;
      }
      case 'seeking':
        record.notes = rng.chance(0.85) ? rng.pick(SEEKING_NOTES) : '';
        if (rng.chance(0.6)) record.nextFollowUpDate = later(30, 60);
        return;
      case 'unreached': {
        const notes = UNREACHED_NOTES[finding.reason];
        record.notes = rng.pick(notes[channel] ?? notes.phone ?? notes.visit ?? ['']);
        if ((finding.reason === 'no-answer' || finding.reason === 'other') && rng.chance(0.5)) {
          record.nextFollowUpDate = later(7, 14);
        }
        return;
      }
    }
  }

  private job(person: Trainee, since: IsoDate, fresh: boolean): Job {
    const known = this.jobs.get(person.alumnus.id);
    if (known && !fresh) return known;
    const { rng } = this;
    const kind = rng.chance(0.8) ? rng.pick(person.vocation.jobs) : rng.pick(FALLBACK_JOBS);
    const employer = rng.pick(kind.employers);
    // Plant and mine contractors pay above the shops and salons of the town.
    const bands: readonly (readonly [MoneyBand, number])[] = employer.startsWith('PT ')
      ? [['1m-3m', 20], ['3m-5m', 45], ['5m-10m', 30], ['over-10m', 5]]
      : INCOME_BANDS;
    const job = { employer, jobTitle: kind.title, sector: kind.sector, incomeBand: rng.weighted(bands), since };
    this.jobs.set(person.alumnus.id, job);
    return job;
  }

  private venture(person: Trainee, since: IsoDate): Venture {
    const known = this.ventures.get(person.alumnus.id);
    if (known) return known;
    const { rng } = this;
    const business = rng.pick(person.vocation.businesses);
    const venture = {
      name: rng.pick(business.names).replace('{n}', callName(person.alumnus.name)),
      kind: business.kind,
      employees: rng.weighted([[0, 55], [1, 30], [2, 10], [3, 5]] as const),
      revenueBand: rng.weighted(REVENUE_BANDS),
      since,
    };
    this.ventures.set(person.alumnus.id, venture);
    return venture;
  }

  private channel(alumnus: Alumnus, finding: Finding): Channel {
    const { rng } = this;
    // Nobody to call: the officer has to go round.
    if (alumnus.phone === null && alumnus.whatsapp === null) return 'visit';
    if (finding.status !== 'unreached') return rng.weighted([['visit', 22], ['phone', 43], ['whatsapp', 35]] as const);
    switch (finding.reason) {
      case 'moved':
        return 'visit';
      case 'wrong-number':
        return 'phone';
      case 'no-answer':
        return rng.weighted([['phone', 55], ['whatsapp', 35], ['visit', 10]] as const);
      default:
        return rng.chance(0.5) ? 'phone' : 'visit';
    }
  }

  private officer(person: Trainee, date: IsoDate): User {
    const extra = this.officers[3];
    if (extra && date >= this.extraOfficerFrom && this.rng.chance(0.25)) return extra;
    const local = this.officers[Number(person.kecamatan.code) - 1] ?? this.officers[0];
    if (!local) throw new Error('no officers');
    return local;
  }

  private gps(kecamatan: Kecamatan): { lat: number; lng: number; accuracy: number } {
    const jitter = () => (this.rng.float() - 0.5) * 0.024;
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    return { lat: round(kecamatan.lat + jitter()), lng: round(kecamatan.lng + jitter()), accuracy: this.rng.int(4, 35) };
  }
}

function monthYear(date: IsoDate): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;
}
