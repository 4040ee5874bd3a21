/**
 * The methods `app`'s routes answer at `path`, for a request no route took: a known
 * address asked with another method is a 405 naming the ones it takes, not a 404 that
 * says the address does not exist. Middleware (`ALL`) is no route. Read from the
 * routes once, when first asked.
 */
export function allowedMethods(app: { readonly routes: readonly { method: string; path: string }[] }): (path: string) => string[] {
  let routes: { pattern: RegExp; method: string }[] | undefined;
  return (path) => {
    routes ??= app.routes.filter(({ method }) => method !== 'ALL').map(({ method, path: route }) => ({ method, pattern: routePattern(route) }));
    const methods = new Set(routes.filter(({ pattern }) => pattern.test(path)).map(({ method }) => method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

/** A Hono route path (`/api/cohorts/:id`, `/r/:token`, `/api/export/*`) as a whole-path pattern. */
function routePattern(route: string): RegExp {
  const parts = route.split('/').map((part) => {
    if (part === '*') return '.*';
    if (part.startsWith(':')) return '[^/]+';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('/')}/?$`);
}
