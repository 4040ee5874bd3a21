import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A button that opens a panel in the header (the user menu, the sync panel): open state,
 * the panel's id for `aria-controls`, and a ref for the element holding both. A tap
 * outside it or Escape closes the panel.
 */
export function useDisclosure<T extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<T>(null);

  // A layout effect: listening from the render that opened the panel, not a frame later,
  // so an Escape pressed at once on a busy phone still closes it.
  useLayoutEffect(() => {
    if (!open) return undefined;
    const closeOnOutside = (event: Event) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  return { open, setOpen, panelId, root };
}
