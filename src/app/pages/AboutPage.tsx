import { useEngine } from '../engine-context';
import { visibleModels } from '../language-routes';

export function AboutPage() {
  const { catalog } = useEngine();
  const models = catalog ? visibleModels(catalog) : [];
  return (
    <section aria-label="About" className="about">
      <h1 className="page-title">About Lexlet</h1>
      <p>
        Lexlet translates text and documents between languages and reviews contracts and terms of service with
        small neural models that run inside your browser. Once a model is downloaded, Lexlet works offline and
        can be installed as an app.
      </p>

      <h2>Privacy</h2>
      <p data-testid="privacy-statement">
        Nothing you type or open leaves this device. Translation and review run locally on your processor
        (WASM) or graphics processor (WebGPU); the only network requests are for the app itself and the model
        files you choose to download. Documents are read in the browser. Your text and its translation are
        kept in this browser&apos;s local storage so they survive a reload, and nowhere else.
      </p>

      <h2>Models</h2>
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

      <h2>Data</h2>
      <p data-testid="data-attribution">
        Lexlet&apos;s own translation models are trained on sentence pairs from the{' '}
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
        tatoeba.org. A sentence of up to four words found among those pairs is answered with its human
        translation there (each model&apos;s phrasebook), not by the model. The English–Spanish models also
        learn from small samples of{' '}
        <a href="https://www.statmt.org/europarl/" rel="noreferrer">
          Europarl
        </a>{' '}
        (proceedings of the European Parliament; Koehn, &quot;Europarl: A Parallel Corpus for Statistical
        Machine Translation&quot;, MT Summit 2005; for Spanish → English also one shared lowercased in
        github.com/sxyao/MT-Final-Project, its case restored by Lexlet) and from formal English sentences (the
        United Nations Parallel Corpus v1.0 dev set, made available by the United Nations without warranty of
        any kind; the JRC-Acquis dev set of EU legislation; the contracts of CUAD v1, below; for Spanish →
        English also the English terms of service of the CLAUDETTE multilingual corpus by Galassi, Lagioia,
        Jabłonowska and Lippi, &quot;Unfair clause detection in terms of service across multiple
        languages&quot;, Artificial Intelligence and Law 2024, licensed CC BY 4.0) paired with Spanish made by
        the{' '}
        <a href="https://www.apertium.org" rel="noreferrer">
          Apertium
        </a>{' '}
        rule-based translator. The English ↔ German models also learn from part of the JRC-Acquis dev set of
        EU legislation and from the English and German terms of service of the same CLAUDETTE corpus, aligned
        sentence by sentence by Lexlet, and the English ↔ Chinese models from part of the United Nations
        Parallel Corpus v1.0 dev set. The data contains errors, and so can the translations made from it.
      </p>
      <p data-testid="langid-data-attribution">
        The language detector behind “Detect language” (lexlet-langid, shipped with the app) is trained on the
        same Tatoeba sentences (CC BY 2.0; attribution: www.manythings.org/anki and tatoeba.org) and on the{' '}
        <a href="https://help.libreoffice.org" rel="noreferrer">
          LibreOffice help
        </a>{' '}
        in English, Spanish, German, French and Chinese, licensed MPL-2.0.
      </p>
      <p data-testid="legal-data-attribution">
        The contract clause model is trained on{' '}
        <a href="https://www.atticusprojectai.org/cuad" rel="noreferrer">
          CUAD v1
        </a>{' '}
        by The Atticus Project (Hendrycks, Burns, Chen and Ball, &quot;CUAD: An Expert-Annotated NLP Dataset
        for Legal Contract Review&quot;, NeurIPS 2021), licensed{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/" rel="noreferrer">
          CC BY 4.0
        </a>
        . The unfair-terms model is trained on UNFAIR-ToS from{' '}
        <a href="https://github.com/coastalcph/lex-glue" rel="noreferrer">
          LexGLUE
        </a>{' '}
        (Chalkidis et al., ACL 2022), built from the CLAUDETTE corpus (Lippi et al., 2019), licensed CC BY
        4.0. Highlights are suggestions from a statistical model, not legal advice.
      </p>

      <h2>Software</h2>
      <p>
        Built with React, Vite, onnxruntime-web, Hugging Face tokenizers, Comlink, Workbox, Mammoth (.docx
        reading), PDF.js (.pdf reading), docx (.docx export), opencc-js (Chinese between Traditional and
        Simplified characters; MIT and Apache-2.0) and TanStack Virtual. The <code>?catalog=URL</code> query
        parameter loads a different model catalog, e.g. one you host yourself.
      </p>
    </section>
  );
}
