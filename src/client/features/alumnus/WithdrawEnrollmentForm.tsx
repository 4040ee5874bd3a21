import { useMutate } from '../../sync/SyncProvider';
import { useAlumnusWords } from './alumnus-words';
import { ReasonForm } from './ReasonForm';

type Props = { enrollmentId: string; label: string; onDone: (withdrawn: boolean) => void };

/**
 * Withdraws an enrolment made in error (the wrong person, the wrong cohort) with a
 * reason, through the mutation layer, offline too. The server keeps the reason in the
 * audit log; the person leaves this provider's devices on the next pull unless enrolled
 * there in another cohort. The reason is required by the shared WithdrawEnrollmentSchema.
 */
export function WithdrawEnrollmentForm({ enrollmentId, label, onDone }: Props) {
  const w = useAlumnusWords();
  const mutate = useMutate();
  return (
    <ReasonForm
      label={label}
      intro={w('withdraw.intro')}
      reasonLabel={w('withdraw.reason')}
      confirm={w('withdraw.confirm')}
      keep={w('void.keep')}
      send={(reason) => mutate('enrollment.withdraw', { id: enrollmentId, reason })}
      onDone={onDone}
    />
  );
}
