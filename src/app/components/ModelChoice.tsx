import type { CatalogModel, ModelStatus } from '../../engine/types';
import { remoteSourceName } from './download-text';

interface ModelChoiceProps {
  models: readonly CatalogModel[];
  selectedId: string;
  statuses: Record<string, ModelStatus>;
  onChoose(modelId: string): void;
  disabled?: boolean;
}

/** Where the model comes from and whether it is here already, in a few words. */
function originText(model: CatalogModel, status: ModelStatus | undefined): string {
  if (status?.state === 'ready') return 'on this device';
  return model.remote ? `from ${remoteSourceName(model)}, needs internet once` : 'bundled with Lexlet';
}

/** Which model does the job (translates the pair, reviews the document), shown only where more than one can. */
export function ModelChoice({ models, selectedId, statuses, onChoose, disabled }: ModelChoiceProps) {
  if (models.length < 2) return null;
  return (
    <label className="field">
      <span>Model</span>
      <select
        value={selectedId}
        onChange={(event) => onChoose(event.target.value)}
        disabled={disabled}
        data-testid="model-choice"
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name} · {originText(model, statuses[model.id])}
          </option>
        ))}
      </select>
    </label>
  );
}
