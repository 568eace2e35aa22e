import { useState } from 'react';
import type { BackendPreference, CatalogModel, ModelStatus } from '../../engine/types';
import { downloadText, modelSizeText, remoteSourceText } from '../components/download-text';
import { ModelCard } from '../components/ModelCard';
import { deleteQuestion } from '../delete-question';
import { ProgressBar } from '../components/ProgressBar';
import { useEngine, type DownloadProgress } from '../engine-context';
import { formatBytes, languageName } from '../format';
import { visibleModels } from '../language-routes';

const BACKENDS: { value: BackendPreference; label: string; hint: string }[] = [
  { value: 'auto', label: 'Auto', hint: 'WebGPU when this device has it, otherwise WASM' },
  { value: 'webgpu', label: 'WebGPU', hint: 'The graphics processor; falls back to WASM if it fails' },
  { value: 'wasm', label: 'WASM', hint: 'The processor; works everywhere' },
];

function describeTask(model: CatalogModel): string {
  if (model.task === 'translation' && model.source && model.target) {
    return `${languageName(model.source)} → ${languageName(model.target)}`;
  }
  return model.task === 'unfair-tos' ? 'Unfair terms of service' : 'Contract clauses';
}

function statusText(status: ModelStatus | undefined, progress: DownloadProgress | undefined): string {
  if (progress) return downloadText(progress);
  switch (status?.state) {
    case 'ready':
      return 'Ready';
    case 'failed':
      return 'Failed';
    case 'downloading':
      return 'Downloading';
    case 'absent':
      return status.cachedBytes > 0
        ? `Partly downloaded (${formatBytes(status.cachedBytes)})`
        : 'Not downloaded';
    default:
      return '…';
  }
}

function ModelRow({ model }: { model: CatalogModel }) {
  const { statuses, downloads, downloadErrors, download, cancelDownload, deleteModel } = useEngine();
  const status = statuses[model.id];
  const progress = downloads[model.id];
  const failure = downloadErrors[model.id] ?? (status?.state === 'failed' ? status.error : undefined);
  const state = progress ? 'downloading' : (status?.state ?? 'unknown');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const sizeText = modelSizeText(model, status, progress);
  return (
    <li className="model" data-testid={`model-${model.id}`} data-state={state}>
      <div className="model-head">
        <h2>{model.name}</h2>
        {model.fixture ? (
          <span className="badge badge-warning" data-testid="fixture-badge">
            test fixture
          </span>
        ) : null}
        {model.remote ? (
          <span className="badge" data-testid="remote-badge">
            {remoteSourceText(model)}
          </span>
        ) : null}
      </div>
      <p className="muted" data-testid="model-facts">
        {describeTask(model)} · <span data-testid="model-size">{sizeText}</span> · {model.license}
      </p>
      {model.description ? <p>{model.description}</p> : null}
      <p className="model-status" data-testid="model-status">
        {statusText(status, progress)}
      </p>
      {progress ? (
        <ProgressBar loaded={progress.loaded} total={progress.total} label={`Downloading ${model.name}`} />
      ) : null}
      {failure ? (
        <p className="error" role="alert" data-testid="model-error">
          {failure}
        </p>
      ) : null}
      <div className="actions">
        {progress ? (
          <button
            type="button"
            className="button"
            onClick={() => cancelDownload(model.id)}
            data-testid="cancel-download"
          >
            Cancel
          </button>
        ) : status?.state !== 'ready' ? (
          <button
            type="button"
            className="button primary"
            onClick={() => void download(model.id)}
            data-testid="download-model"
          >
            Download
          </button>
        ) : null}
        {!progress && status && (status.state === 'ready' || status.cachedBytes > 0) && !confirmingDelete ? (
          <button
            type="button"
            className="button danger"
            onClick={() => setConfirmingDelete(true)}
            data-testid="delete-model"
          >
            Delete
          </button>
        ) : null}
        <ModelCard model={model} />
      </div>
      {confirmingDelete && !progress ? (
        <div
          className="actions"
          role="group"
          aria-label={`Delete ${model.name}?`}
          data-testid="delete-confirmation"
        >
          <p>{deleteQuestion(model, sizeText)}</p>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              setConfirmingDelete(false);
              void deleteModel(model.id);
            }}
            data-testid="confirm-delete"
          >
            Delete
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setConfirmingDelete(false)}
            data-testid="keep-model"
            autoFocus
          >
            Keep
          </button>
        </div>
      ) : null}
    </li>
  );
}

export function ModelsPage() {
  const { catalog, catalogError, storage, backend, preference, setBackendPreference } = useEngine();
  const models = catalog ? visibleModels(catalog) : [];
  return (
    <section aria-label="Models" className="models">
      <h1 className="page-title">Models</h1>
      <p className="muted">
        Models are downloaded once and kept on this device, so translation works offline afterwards.
      </p>
      <p data-testid="storage">
        {storage && storage.usage !== null
          ? `Storage used: ${formatBytes(storage.usage)}${storage.quota !== null ? ` of ${formatBytes(storage.quota)} available` : ''}`
          : 'Storage: unknown'}
        {storage?.persisted ? ' (persistent)' : ''}
      </p>
      {catalogError ? (
        <p className="error" role="alert" data-testid="catalog-error">
          {catalogError}
        </p>
      ) : null}
      {catalog && models.length === 0 ? <p className="muted">No models are available yet.</p> : null}
      <ul className="model-list">
        {models.map((model) => (
          <ModelRow key={model.id} model={model} />
        ))}
      </ul>

      <fieldset className="backend-setting" data-testid="backend-setting">
        <legend>Compute backend</legend>
        {BACKENDS.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="backend"
              value={option.value}
              checked={preference === option.value}
              onChange={() => void setBackendPreference(option.value)}
              data-testid={`backend-${option.value}`}
            />
            <span>
              <strong>{option.label}</strong> <span className="muted">— {option.hint}</span>
            </span>
          </label>
        ))}
        {backend ? <p className="muted">Now using: {backend.reason}</p> : null}
      </fieldset>
    </section>
  );
}
