import { useMutate } from '../../sync/SyncProvider';
import { useAlumnusWords } from '../alumnus/alumnus-words';
import { ReasonForm } from '../alumnus/ReasonForm';

type Props = { followUpId: string; label: string; onDone: () => void };

/**
 * Voids a mistaken follow-up with a reason, through the mutation layer: the entry stays
 * in the timeline, struck through with the reason (append-only: a correction is a new
 * contact, never a rewrite). The reason is required by the shared VoidFollowUpSchema.
 */
export function VoidFollowUpForm({ followUpId, label, onDone }: Props) {
  const w = useAlumnusWords();
  const mutate = useMutate();
  return (
    <ReasonForm
      label={label}
      reasonLabel={w('void.reason')}
      confirm={w('void.confirm')}
      keep={w('void.keep')}
      send={(reason) => mutate('follow-up.void', { id: followUpId, reason })}
      onDone={() => onDone()}
    />
  );
}
