import { Component, type ComponentChildren } from 'preact';
import { useT } from '../i18n';

type Props = {
  children: ComponentChildren;
  /** When this changes (the route), a failed boundary tries its children again. */
  resetKey?: string;
};
type State = { failed: boolean };

/**
 * Catches a render error so one broken screen never blanks the whole app: the header,
 * the navigation and every queued change stay usable. Placed at the top of the app and
 * around the routed screen in the layout.
 */
export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <ErrorMessage /> : this.props.children;
  }
}

function ErrorMessage() {
  const t = useT();
  return (
    <section class="error-message" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t('error.reload')}
      </button>
    </section>
  );
}
