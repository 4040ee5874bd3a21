import { PlaceholderScreen } from '../../ui/PlaceholderScreen';

export function WorklistScreen() {
  return <PlaceholderScreen title="worklist.title" />;
}
