import { Button } from '../../components/button';

/** A button that stays pressed while its option is on. */
export function ToggleButton({ pressed, onToggle, children, title }: { pressed: boolean; onToggle(next: boolean): void; children: string; title?: string }) {
  return (
    <Button size="small" variant="ghost" className="toggle" aria-pressed={pressed} title={title} onClick={() => onToggle(!pressed)}>
      {children}
    </Button>
  );
}
