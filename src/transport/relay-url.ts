/**
 * What is wrong with a relay URL, worded for a one-line error with the likely fix (README "CLI",
 * the node config's "relay"): a relay is reached over WebSocket, `ws://host:port` or, with TLS,
 * `wss://host:port` (relay-client.ts); `localhost:8080` lacks the scheme (did you mean
 * ws://localhost:8080?), and `http://` / `https://` name the WebSocket schemes' HTTP twins (did
 * you mean ws:// / wss://?).
 * @module
 */

/** Why `url` is not a relay URL (a phrase to follow its name), or null if it is one. */
export function relayUrlProblem(url: string): string | null {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return `"${url}" has no scheme; did you mean ws://${url}?`;
  if (scheme === 'http' || scheme === 'https') {
    const ws = scheme === 'http' ? 'ws' : 'wss';
    return `"${url}" is an HTTP URL; did you mean ${ws}${url.slice(scheme.length)}?`;
  }
  if (scheme !== 'ws' && scheme !== 'wss') return `"${url}" must be a ws:// or wss:// URL`;
  try {
    if (new URL(url).hostname === '') return `"${url}" names no host`;
  } catch {
    return `"${url}" is not a valid URL`;
  }
  return null;
}
