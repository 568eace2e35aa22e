import type { BackendInfo } from '../../engine/types';

export function StatusChip({ backend }: { backend: BackendInfo | null }) {
  if (!backend) {
    return (
      <span className="chip" data-testid="backend-chip" data-backend="">
        Starting engine…
      </span>
    );
  }
  const threads =
    backend.active === 'wasm' ? `, ${backend.wasmThreads} thread${backend.wasmThreads === 1 ? '' : 's'}` : '';
  return (
    <span
      className={`chip chip-${backend.active}`}
      data-testid="backend-chip"
      data-backend={backend.active}
      title={`Backend setting: ${backend.preference}${threads}`}
    >
      {backend.reason}
    </span>
  );
}
