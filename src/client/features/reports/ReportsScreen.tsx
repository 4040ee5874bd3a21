import { PlaceholderScreen } from '../../ui/PlaceholderScreen';

export function ReportsScreen() {
  return <PlaceholderScreen title="reports.title" />;
}
