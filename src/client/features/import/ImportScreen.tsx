import { PlaceholderScreen } from '../../ui/PlaceholderScreen';

export function ImportScreen() {
  return <PlaceholderScreen title="import.title" />;
}
