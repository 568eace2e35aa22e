import { useEngine } from '../engine-context';
import { visibleModels } from '../language-routes';

export function AboutPage() {
  const { catalog } = useEngine();
  const models = catalog ? visibleModels(catalog) : [];
  return (
    <section aria-label="About" className="about">
      <h2>About Lexlet</h2>
      <p>
        Lexlet translates text between languages with small neural models that run inside your browser. Once a
        model is downloaded, Lexlet works offline and can be installed as an app.
      </p>

      <h3>Privacy</h3>
      <p data-testid="privacy-statement">
        Nothing you type leaves this device. Translation runs locally on your processor (WASM) or graphics
        processor (WebGPU); the only network requests are for the app itself and the model files you choose to
        download. Your text is kept in this browser&apos;s local storage so it survives a reload, and nowhere
        else.
      </p>

      <h3>Models</h3>
      {models.length === 0 ? (
        <p className="muted">No models are listed in the current catalog.</p>
      ) : (
        <ul data-testid="model-licences">
          {models.map((model) => (
            <li key={model.id}>
              <strong>{model.name}</strong> — licence {model.license}. {model.attribution}
            </li>
          ))}
        </ul>
      )}

      <h3>Data</h3>
      <p data-testid="data-attribution">
        Lexlet&apos;s own translation models are trained on English–Spanish sentence pairs from the{' '}
        <a href="https://tatoeba.org" rel="noreferrer">
          Tatoeba Project
        </a>{' '}
        as prepared by{' '}
        <a href="https://www.manythings.org/anki/" rel="noreferrer">
          manythings.org
        </a>
        , released under{' '}
        <a href="https://creativecommons.org/licenses/by/2.0/" rel="noreferrer">
          CC BY 2.0
        </a>{' '}
        (Tatoeba&apos;s terms of use: tatoeba.org/eng/terms_of_use). Attribution: www.manythings.org/anki and
        tatoeba.org. The data contains errors, and so can the translations made from it.
      </p>

      <h3>Software</h3>
      <p>
        Built with React, Vite, onnxruntime-web, Hugging Face tokenizers, Comlink and Workbox. The{' '}
        <code>?catalog=URL</code> query parameter loads a different model catalog, e.g. one you host yourself.
      </p>
    </section>
  );
}
