import { percent } from '../format';

export function ProgressBar({
  loaded,
  total,
  label,
  testId,
}: {
  loaded: number;
  total: number;
  label: string;
  testId?: string;
}) {
  const value = percent(loaded, total);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      data-testid={testId}
    >
      <div className="progress-fill" style={{ width: `${value}%` }} />
    </div>
  );
}
