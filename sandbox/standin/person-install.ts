/**
 * A person installing the app from its "Add to Slack" page, as a browser does it: GET the app's install page (which
 * sets the state cookie), follow its Add to Slack link to Slack's authorize page, press Allow (or Allow for the
 * whole org, or Cancel), and follow the redirect back to the app, cookies and all. Plain HTTP with a cookie jar, so
 * end-to-end tests install without a browser; tests/browser does the same clicks in Chromium.
 */

export type InstallDecision = 'workspace' | 'org' | 'deny';

export interface InstallStep {
  method: 'GET' | 'POST';
  url: string;
  status: number;
}

export interface InstallResult {
  /** The app's answer at its redirect URL: its success or failure page. */
  status: number;
  body: string;
  /** Every request the browser made, in order. */
  steps: InstallStep[];
}

export interface InstallInput {
  /** The app's install page, e.g. `http://127.0.0.1:3000/slack/install`. */
  installUrl: string;
  /** What the person presses on the authorize page; Allow (this workspace) by default. */
  decision?: InstallDecision;
  /** Changes the redirect back to the app before following it, as a tampering client would. */
  tamper?: (redirect: URL) => void;
  /** Drops the browser's cookies before the redirect back, as when the install finishes in another browser. */
  forgetCookies?: boolean;
}

/** One browser's cookies, per origin; attributes other than expiry are not modelled. */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string | undefined {
    const cookies = this.byOrigin.get(url.origin);
    if (!cookies || cookies.size === 0) return undefined;
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  take(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at);
      const expired = attributes.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
      );
      const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(at + 1));
      this.byOrigin.set(url.origin, cookies);
    }
  }

  clear(): void {
    this.byOrigin.clear();
  }
}

function decodeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function installApp(authorizeUrl: string, input: InstallInput): Promise<InstallResult> {
  const jar = new CookieJar();
  const steps: InstallStep[] = [];
  const visit = async (method: 'GET' | 'POST', target: string, form?: URLSearchParams) => {
    const url = new URL(target);
    const cookie = jar.header(url);
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    jar.take(url, response);
    steps.push({ method, url: url.toString(), status: response.status });
    return { status: response.status, body: await response.text(), location: response.headers.get('location') };
  };
  const fail = (what: string, page: { status: number; body: string }): never => {
    throw new Error(`${what} (HTTP ${page.status}): ${page.body.slice(0, 300)}`);
  };

  const landing = await visit('GET', input.installUrl);
  if (landing.status !== 200) fail('the install page did not load', landing);
  const links = [...landing.body.matchAll(/href="([^"]+)"/g)].map((m) => decodeHtml(m[1] ?? ''));
  const addToSlack = links.find((href) => href.startsWith(authorizeUrl));
  if (!addToSlack) return fail(`the install page has no Add to Slack link to ${authorizeUrl}`, landing);

  const authorize = await visit('GET', addToSlack);
  if (authorize.status !== 200) fail('Slack’s authorize page refused the request', authorize);
  const form = new URLSearchParams();
  for (const m of authorize.body.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g))
    form.set(m[1] ?? '', decodeHtml(m[2] ?? ''));
  form.set('decision', input.decision ?? 'workspace');
  const decided = await visit('POST', new URL('/oauth/v2/authorize', authorizeUrl).toString(), form);
  if (decided.status !== 302 || !decided.location) return fail('Slack did not send the person back', decided);

  const back = new URL(decided.location);
  input.tamper?.(back);
  if (input.forgetCookies) jar.clear();
  const done = await visit('GET', back.toString());
  return { status: done.status, body: done.body, steps };
}
