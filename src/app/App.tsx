import type { MouseEvent } from 'react';
import { NoticeBanner } from './components/NoticeBanner';
import { StatusChip } from './components/StatusChip';
import { UpdatePrompt } from './components/UpdatePrompt';
import { useEngine } from './engine-context';
import { AboutPage } from './pages/AboutPage';
import { ModelsPage } from './pages/ModelsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ReviewPage } from './pages/ReviewPage';
import { TranslatePage } from './pages/TranslatePage';
import { navigate, pageHref, useCurrentPage, type Page } from './router';

const NAV: { page: Page; label: string }[] = [
  { page: 'translate', label: 'Translate' },
  { page: 'review', label: 'Review' },
  { page: 'models', label: 'Models' },
  { page: 'about', label: 'About' },
];

function NavLink({ page, label, current }: { page: Page; label: string; current: boolean }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(page);
  };
  return (
    <a
      href={pageHref(page)}
      onClick={onClick}
      aria-current={current ? 'page' : undefined}
      data-testid={`nav-${page}`}
    >
      {label}
    </a>
  );
}

export function App() {
  const page = useCurrentPage();
  const { backend, notice, dismissNotice } = useEngine();
  return (
    <>
      <header className="header">
        <a
          className="brand"
          href={pageHref('translate')}
          onClick={(event) => (event.preventDefault(), navigate('translate'))}
        >
          <img src={`${import.meta.env.BASE_URL}icons/icon.svg`} alt="" width={28} height={28} />
          <span>Lexlet</span>
        </a>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <NavLink key={item.page} {...item} current={item.page === page} />
          ))}
        </nav>
        <StatusChip backend={backend} />
      </header>
      <UpdatePrompt />
      {notice ? <NoticeBanner message={notice} onDismiss={dismissNotice} /> : null}
      <main className="main">
        {page === 'translate' ? (
          <TranslatePage />
        ) : page === 'review' ? (
          <ReviewPage />
        ) : page === 'models' ? (
          <ModelsPage />
        ) : page === 'about' ? (
          <AboutPage />
        ) : (
          <NotFoundPage />
        )}
      </main>
      <footer className="footer muted">Private by design: everything runs on this device.</footer>
    </>
  );
}
