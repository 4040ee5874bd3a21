import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useListWords } from './list-words';
import './data-table.css';

type Props = {
  /** The id of the table's caption or heading: the scrolling region is named by it. */
  labelledBy: string;
  /** The table itself; its cells carry `data-label` so that a phone shows each row as a card. */
  children: ComponentChildren;
  /** A checkbox column before the row's name: both stay in view while the rest scrolls. */
  selectable?: boolean;
};

type Edges = { left: boolean; right: boolean };

/**
 * Every wide table of the app: the screen's width on a desktop, the first column held in
 * place while the others scroll, a fade and a "geser →" hint while more columns hide on the
 * right, and on a phone (≤ 600 px) one card per row with each value under its label.
 * The region is focusable so that a keyboard can scroll it too.
 */
export function DataTable({ labelledBy, children, selectable = false }: Props) {
  const l = useListWords();
  const box = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<Edges>({ left: false, right: false });

  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    // Scroll width changes with the window, the font and the rows, so measure on each.
    const measure = () => {
      const rest = element.scrollWidth - element.clientWidth - element.scrollLeft;
      const next = { left: element.scrollLeft > 1, right: rest > 1 };
      setHidden((previous) => (previous.left === next.left && previous.right === next.right ? previous : next));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild !== null) observer.observe(element.firstElementChild);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, []);

  return (
    <div class={`data-table${selectable ? ' data-table--select' : ''}`} data-more-left={hidden.left} data-more-right={hidden.right}>
      {hidden.right && (
        <p class="data-table__hint" aria-hidden="true">
          {l('scrollHint')}
        </p>
      )}
      <div ref={box} class="data-table__scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
