import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { createRouter } from './app/router';
import './app/global.css';

// A page restored from the back/forward cache is read again from the gateway, which decides whether the session
// still stands (after sign-out it does not, and the back button shows no data).
window.addEventListener('pageshow', (event) => {
  if (event.persisted) window.location.reload();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App client={createQueryClient()} router={createRouter()} />
  </StrictMode>,
);
