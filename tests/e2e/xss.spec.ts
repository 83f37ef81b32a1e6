/**
 * Known XSS payloads pasted and typed into the editor of the built renderer, served with the
 * same Content-Security-Policy header the desktop's app:// protocol sends (electron/main/
 * appProtocol.ts) on top of the page's own meta policy. None may run: the editor's schema drops
 * what it does not know (scripts, handlers, iframes, javascript: links) and the CSP refuses
 * inline code if anything got through. Each payload tries to set `window.__xss` or open a
 * dialog; the test also proves the CSP is in force by injecting an inline script itself.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../electron/main/appProtocol';
import { editorOf, openApp, openDocument, sidebar } from './support/app';
import { ANA } from './support/demoAccounts';
import { serversPerTest, startStaticServer } from './support/servers';

const DOC = 'Lineamientos estratégicos del clúster — borrador';

/** Each payload sets a distinct canary value, so a failure names the payload that ran. */
const PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__xss=1">',
  '<a href="javascript:window.__xss=2">enlace javascript</a>',
  '<script>window.__xss=3</script>',
  '<svg onload="window.__xss=4"><circle r="4"/></svg>',
  '<iframe src="javascript:parent.__xss=5"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
  '<details open ontoggle="window.__xss=7"><summary>x</summary></details>',
  '<p style="background:url(javascript:window.__xss=8)" onclick="window.__xss=9">clic</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=10"></style></mglyph></table></mtext></math>',
  '<input autofocus onfocus="window.__xss=11">',
  '<a href="JaVaScRiPt:alert(12)">mayúsculas</a><a href="&#106;avascript:alert(13)">entidades</a>',
  '<object data="javascript:window.__xss=14"></object><embed src="javascript:window.__xss=15">',
  '<form action="javascript:window.__xss=16"><button>enviar</button></form>',
  '<a href="data:text/html,<script>alert(17)</script>">data</a>',
  '<body onload="window.__xss=18"><img src="/does-not-exist" onerror="alert(19)">',
];

const servers = serversPerTest({
  // The renderer build served the way the desktop serves it: every response carries the CSP of
  // the app:// protocol (a real header from a real loopback server, so the page keeps its
  // address space and may reach the local sync server).
  assets: (sync) =>
    startStaticServer({ 'Content-Security-Policy': contentSecurityPolicy(sync.url) }),
});

interface Canary {
  xss: unknown;
  violations: string[];
}

/**
 * Opens the app as Ana through openApp, then reloads it with the canary installed before any
 * page script runs (the session survives the reload).
 */
async function openUnderCsp(browser: Browser) {
  const csp = contentSecurityPolicy(servers.sync.url);
  const dialogs: string[] = [];
  const opened = await openApp(browser, servers.appUrl(), ANA);
  await opened.context.addInitScript(() => {
    const host = window as unknown as { __xss: unknown; __violations: string[] };
    host.__xss = 0;
    host.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      host.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const [documentResponse] = await Promise.all([
    opened.page.waitForResponse((response) => response.request().resourceType() === 'document'),
    opened.page.reload(),
  ]);
  expect(documentResponse.headers()['content-security-policy']).toBe(csp);
  await expect(sidebar(opened.page)).toBeVisible();
  opened.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { ...opened, dialogs };
}

const canary = (page: Page): Promise<Canary> =>
  page.evaluate(() => {
    const host = window as unknown as { __xss: unknown; __violations: string[] };
    return { xss: host.__xss, violations: [...host.__violations] };
  });

/** Waits until a failing image has reported its error: anything queued before it has run. */
const settle = (page: Page): Promise<void> =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const probe = new Image();
        probe.onerror = () => requestAnimationFrame(() => resolve());
        probe.onload = () => resolve();
        probe.src = `/xss-probe-${Math.random()}.png`;
      }),
  );

async function pasteHtml(page: Page, html: string): Promise<void> {
  await editorOf(page).evaluate((editor, payload) => {
    const data = new DataTransfer();
    data.setData('text/html', payload);
    data.setData('text/plain', payload);
    editor.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, html);
}

test('pasted and typed XSS payloads never run under the app CSP', async ({ browser }) => {
  const { context, page, editor, dialogs } = await openUnderCsp(browser);
  try {
    await openDocument(page, DOC);
    await editor.click();
    await editor.press('Control+End');

    for (const payload of PAYLOADS) {
      await editor.press('Enter');
      await pasteHtml(page, payload);
    }
    await editor.press('Enter');
    await editor.pressSequentially(PAYLOADS.slice(0, 3).join(' '), { delay: 1 });
    await settle(page);

    const after = await canary(page);
    expect(after.xss, 'a payload ran').toBe(0);
    expect(dialogs, 'a payload opened a dialog').toEqual([]);

    // What the schema kept: text and safe links only.
    const dangerous = await editor.evaluate((root) => {
      const found: string[] = [];
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        }
      }
      for (const tag of [
        'script',
        'iframe',
        'object',
        'embed',
        'svg',
        'math',
        'form',
        'input:not([type=checkbox])',
      ]) {
        if (root.querySelector(tag) !== null) found.push(tag);
      }
      for (const link of root.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href') ?? '';
        if (!/^(https?:|mailto:)/i.test(href.trim())) found.push(`a href=${href}`);
      }
      return found;
    });
    expect(dangerous).toEqual([]);
    // The typed payload stays literal text, visible to the person.
    await expect(editor).toContainText('<img src=x onerror="window.__xss=1">');

    // The CSP is really in force: an inline script injected into the page is refused.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__xss = "inline";';
      document.body.append(script);
    });
    await settle(page);
    const probed = await canary(page);
    expect(probed.xss).toBe(0);
    expect(probed.violations.some((violation) => violation.startsWith('script-src'))).toBe(true);
  } finally {
    await context.close();
  }
});

test('javascript: links in a pasted document are not clickable', async ({ browser }) => {
  const { context, page, editor, dialogs } = await openUnderCsp(browser);
  try {
    await openDocument(page, DOC);
    await editor.click();
    await editor.press('Control+End');
    await editor.press('Enter');
    await pasteHtml(
      page,
      '<p><a href="javascript:window.__xss=20">Ver anexo</a> y <a href="https://www.gob.pe/minem">MINEM</a></p>',
    );
    const anexo = editor.getByText('Ver anexo');
    await expect(anexo).toBeVisible();
    expect(
      await anexo.evaluate((node) => node.closest('a')?.getAttribute('href') ?? null),
    ).toBeNull();
    await expect(editor.getByRole('link', { name: 'MINEM' })).toHaveAttribute(
      'href',
      'https://www.gob.pe/minem',
    );
    await anexo.click({ modifiers: ['Control'] });
    await settle(page);
    expect((await canary(page)).xss).toBe(0);
    expect(dialogs).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an exported document carries the payloads as inert text only', async ({ browser }) => {
  const { context, page, editor } = await openUnderCsp(browser);
  try {
    await openDocument(page, DOC);
    await editor.click();
    await editor.press('Control+End');
    for (const payload of PAYLOADS) {
      await editor.press('Enter');
      await pasteHtml(page, payload);
    }
    await editor.press('Enter');
    await editor.pressSequentially('<script>alert(1)</script>', { delay: 1 });

    const download = async (format: 'HTML' | 'Markdown') => {
      await page.getByRole('button', { name: 'Exportar' }).click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: format }).click(),
      ]);
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
    };

    const html = await download('HTML');
    expect(html.name).toBe(`${DOC}.html`);
    expect(html.text).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'`,
    );
    expect(html.text).toContain('Lineamientos');
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.text).not.toMatch(/<script|<iframe|<object|<embed|<svg|\son\w+\s*=|javascript:/i);

    const markdown = await download('Markdown');
    expect(markdown.name).toBe(`${DOC}.md`);
    expect(markdown.text.startsWith(`# ${DOC}`)).toBe(true);
    expect(markdown.text).not.toMatch(/\]\(\s*javascript:|(?<!\\)<(script|img|iframe)/i);
    expect(markdown.text).toContain('\\<script>alert(1)\\</script>');
  } finally {
    await context.close();
  }
});
