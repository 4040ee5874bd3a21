import { PlaceholderScreen } from '../../ui/PlaceholderScreen';

export function AlumniScreen() {
  return <PlaceholderScreen title="alumni.title" />;
}
