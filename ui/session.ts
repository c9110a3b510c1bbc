/**
 * Who may use a UI server: whoever opened the address it printed. That address carries a secret
 * made at start; the server trades it for an HttpOnly, SameSite=Strict cookie and redirects to a
 * clean address, so the address bar (what people copy into chats and issues) never holds it, and
 * the API server's own credentials never leave the UI server.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The query parameter of the printed address that carries the secret. */
export const SESSION_PARAMETER = "session";

/** A per-start secret and the cookie that carries it. */
export interface UiSession {
  readonly secret: string;
  /** Per port: two UI servers on one host (cookies ignore ports) keep their own cookie. */
  readonly cookieName: string;
}

export function newSession(port: number): UiSession {
  return { secret: randomBytes(24).toString("base64url"), cookieName: `uselessctl-ui-${port}` };
}

/** The Set-Cookie value that lets the browser in for this server's lifetime. */
export function sessionCookie(session: UiSession): string {
  return `${session.cookieName}=${session.secret}; HttpOnly; SameSite=Strict; Path=/`;
}

function sameSecret(session: UiSession, candidate: string | null | undefined): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(session.secret);
  const given = Buffer.from(candidate);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Whether the request's query holds the secret (the printed address). */
export function presentsSecret(session: UiSession, query: URLSearchParams): boolean {
  return sameSecret(session, query.get(SESSION_PARAMETER));
}

/** Whether the request carries the session cookie. */
export function hasSessionCookie(session: UiSession, request: IncomingMessage): boolean {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === session.cookieName && sameSecret(session, part.slice(separator + 1).trim()))
      return true;
  }
  return false;
}
