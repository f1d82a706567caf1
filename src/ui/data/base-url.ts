/**
 * The app's base URL as an absolute address (Vite's BASE_URL resolved against the page), so that workers, whose
 * own location differs, fetch the built-in data from the same place. '' where the page has no usable address
 * (about:blank in tests): relative fetches then resolve against whatever page runs them.
 */
export function appBaseUrl(pageHref: string, base: string = import.meta.env.BASE_URL ?? '/'): string {
  try {
    return new URL(base, pageHref).href;
  } catch {
    return '';
  }
}
