// A small history router: the console has a handful of pages, so a path table and the History
// API are all it needs (and keep the first page's JavaScript small).
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const href = useSyncExternalStore(
    subscribe,
    () => location.pathname + location.search,
    () => '/',
  );
  const url = new URL(href, 'http://x');
  return { path: url.pathname, search: url.searchParams };
}

export type Params = Readonly<Record<string, string>>;

/** Matches `/disputes/:id` against a path; the params, or undefined. */
export function match(pattern: string, path: string): Params | undefined {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (p.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] ?? '';
    const seg = s[i] ?? '';
    if (part.startsWith(':')) {
      if (seg === '') return undefined;
      params[part.slice(1)] = decodeURIComponent(seg);
    } else if (part !== seg) return undefined;
  }
  return params;
}
