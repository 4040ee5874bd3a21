import { useT } from '../i18n';
import { useOnline } from './use-online';

export function OnlineIndicator() {
  const t = useT();
  const online = useOnline();
  return (
    <span class={online ? 'network network--online' : 'network network--offline'} role="status">
      <span class="network__dot" aria-hidden="true" />
      {t(online ? 'network.online' : 'network.offline')}
    </span>
  );
}
