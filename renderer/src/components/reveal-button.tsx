import { Button } from './button';
import { Icon } from './icon';

export interface RevealButtonProps {
  /** What it shows, e.g. "Show value of variable 1"; stays the same while pressed, as aria-pressed says the rest. */
  label: string;
  shown: boolean;
  onToggle(): void;
}

/** A toggle that shows or hides one secret value. */
export function RevealButton({ label, shown, onToggle }: RevealButtonProps) {
  return (
    <Button variant="ghost" size="small" aria-label={label} aria-pressed={shown} title={shown ? 'Hide value' : 'Show value'} onClick={onToggle}>
      <Icon name={shown ? 'eye-off' : 'eye'} />
    </Button>
  );
}
