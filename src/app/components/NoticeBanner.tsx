export function NoticeBanner({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="banner banner-warning" role="alert" data-testid="engine-notice">
      <span>{message}</span>
      <button type="button" className="button" onClick={onDismiss} aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}
