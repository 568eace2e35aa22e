import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { catalogUrl } from './catalog-url';
import { EngineProvider } from './engine-context';
import { createEngineSession } from './engine-session';
import { cacheCatalogWhenControlled } from './offline-warmup';
import './styles.css';

// One engine worker per page, created outside React so StrictMode's double effects never start two.
const session = createEngineSession(catalogUrl(window.location, import.meta.env.BASE_URL));
cacheCatalogWhenControlled(session.catalogUrl);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <EngineProvider session={session}>
      <App />
    </EngineProvider>
  </StrictMode>,
);
