import { PlaceholderScreen } from '../../ui/PlaceholderScreen';

export function CohortsScreen() {
  return <PlaceholderScreen title="cohorts.title" />;
}
