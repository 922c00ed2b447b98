// The admin pages, in the order the navigation and the admin home list them.
export const ADMIN_HOME = '/admin';

export interface AdminNavItem {
  readonly to: string;
  readonly labelKey: string;
  readonly descriptionKey?: string;
}

export const ADMIN_PAGES: readonly AdminNavItem[] = [
  { to: '/admin/policies', labelKey: 'admin.nav.policies', descriptionKey: 'admin.home.policies' },
  { to: '/admin/users', labelKey: 'admin.nav.users', descriptionKey: 'admin.home.users' },
  { to: '/admin/api-keys', labelKey: 'admin.nav.apiKeys', descriptionKey: 'admin.home.apiKeys' },
  { to: '/admin/webhooks', labelKey: 'admin.nav.webhooks', descriptionKey: 'admin.home.webhooks' },
  { to: '/admin/books', labelKey: 'admin.nav.books', descriptionKey: 'admin.home.books' },
  { to: '/admin/accounts', labelKey: 'admin.nav.accounts', descriptionKey: 'admin.home.accounts' },
];
