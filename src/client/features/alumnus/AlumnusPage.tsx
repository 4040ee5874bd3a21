import { useRoute } from 'preact-iso';
import { useUser } from '../../auth/SessionProvider';
import { mayWithdrawEnrollment } from '../../../shared/domain/permissions';
import { useT } from '../../i18n';
import { mayLogFollowUp, mayVoid } from '../follow-up/follow-up-permissions';
import { useAlumnusWords } from './alumnus-words';
import { ContactSection } from './ContactSection';
import { EnrollmentList } from './EnrollmentList';
import { FollowUpTimeline } from './FollowUpTimeline';
import { IdentityFacts } from './IdentityFacts';
import { mayEditContact } from './may-edit-contact';
import { SelfReportLinks } from './SelfReportLinks';
import { useAlumnusRecord } from './use-alumnus-record';
import './alumnus.css';

/** `/alumni/:id`: one person as this device knows them, with their training and contacts. */
export function AlumnusPage() {
  const t = useT();
  const w = useAlumnusWords();
  const user = useUser();
  const { params } = useRoute();
  const record = useAlumnusRecord(params.id ?? '');

  if (record === undefined) {
    return (
      <section class="screen">
        <h1>{t('alumnus.title')}</h1>
        <p role="status">{t('common.loading')}</p>
      </section>
    );
  }
  if (record === null) {
    return (
      <section class="screen">
        <h1>{w('notFound.title')}</h1>
        <p>{w('notFound.body')}</p>
        <p>
          <a class="button" href="/alumni">
            {w('notFound.back')}
          </a>
        </p>
      </section>
    );
  }

  const { alumnus, enrollments, followUps } = record;
  return (
    <section class="screen alumnus">
      <h1>{alumnus.name}</h1>
      {mayLogFollowUp(user, enrollments) && (
        <p class="alumnus__log">
          <a class="button" href={`/alumni/${alumnus.id}/follow-up`}>
            {w('followUp.log')}
          </a>
        </p>
      )}
      <IdentityFacts alumnus={alumnus} />
      <ContactSection key={alumnus.id} alumnus={alumnus} editable={mayEditContact(user, enrollments)} />
      <EnrollmentList enrollments={enrollments} mayWithdraw={({ cohort }) => cohort !== null && mayWithdrawEnrollment(user, cohort.providerId)} />
      <SelfReportLinks alumnus={alumnus} mayChange={mayLogFollowUp(user, enrollments)} />
      <FollowUpTimeline followUps={followUps} mayVoid={(followUp) => mayVoid(user, followUp)} />
    </section>
  );
}
