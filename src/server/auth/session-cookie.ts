import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { isHttps } from '../http/request-origin';
import { SESSION_COOKIE } from './sessions';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page makes the browser send it), Secure whenever the browser came over HTTPS. Plain
 * http stays possible for a LAN install and for 127.0.0.1 in tests.
 */
export function setSessionCookie(c: Context, token: string, expiresAt: Date, now: Date, trustProxy: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
    secure: isHttps(c, trustProxy),
  });
}

export function clearSessionCookie(c: Context, trustProxy: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c, trustProxy) });
}
