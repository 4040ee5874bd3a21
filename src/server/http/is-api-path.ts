/** True for /api and everything under it: the part of the URL space that answers JSON. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
