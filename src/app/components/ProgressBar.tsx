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
  // A total of 0 means the size is not known yet: an indeterminate bar (no aria-valuenow) rather than 0%.
  if (!total) {
    return (
      <div className="progress indeterminate" role="progressbar" aria-label={label} data-testid={testId}>
        <div className="progress-fill" />
      </div>
    );
  }
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
