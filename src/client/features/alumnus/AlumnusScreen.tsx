import { useRoute } from 'preact-iso';
import { PlaceholderScreen } from '../../ui/PlaceholderScreen';

export function AlumnusScreen() {
  const { params } = useRoute();
  return (
    <PlaceholderScreen title="alumnus.title">
      <p class="muted mono">{params.id}</p>
    </PlaceholderScreen>
  );
}
