import '@mantine/core/styles.css';
import './console.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { disputeKeys, getDispute } from './api/disputes.ts';
import { ApiError } from './api/http.ts';
import { startupConfig } from './api/session.ts';
import { App } from './app.tsx';
import { initI18n } from './i18n/index.ts';
import { match } from './router.ts';

initI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer, not a glitch: do not ask again; a network failure retries.
      retry: (count, error) => !(error instanceof ApiError && error.status > 0) && count < 2,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

// A link straight to a dispute (a notification, a bookmark): its view is asked for beside the
// session rather than after the session and the first render, which brings its paint forward.
const linked = match('/disputes/:id', location.pathname)?.id;
if (linked !== undefined)
  void startupConfig().then((config) => {
    if (config.signedIn)
      void queryClient.prefetchQuery({
        queryKey: disputeKeys.one(linked),
        queryFn: () => getDispute(linked),
      });
  });

// Darker primary shades keep text on buttons and links above 4.5:1 contrast.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, defaultRadius: 'md' });

const root = document.getElementById('root');
if (root !== null)
  createRoot(root).render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        defaultColorScheme="light"
        cssVariablesResolver={() => ({
          variables: {},
          // Mantine's dimmed gray is below 4.5:1 on white; this one is 7.5:1.
          light: { '--mantine-color-dimmed': '#495057' },
          dark: {},
        })}
      >
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
