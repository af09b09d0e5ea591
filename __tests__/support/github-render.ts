/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Renders Markdown the way GitHub shows a job summary or a comment, in a real browser: Debian's
// cmark-gfm (GitHub's own Markdown library, with its GFM extensions), GitHub's stylesheet
// (github-markdown-css), the real mermaid package for ```mermaid blocks, and headless Chromium driven
// by puppeteer-core. Nothing here skips: a missing program or a browser that cannot start fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './analyze-text.js';
import { needsRealComponent } from './test-tier.js';

export const CHROMIUM = '/usr/bin/chromium';
export const PAGE_WIDTH = 1000;

/** GitHub-flavoured Markdown to HTML, with the extensions github.com turns on. */
export function gfmToHtml(markdown: string): string {
  needsRealComponent('cmark-gfm (github-render)');
  // --unsafe keeps the <details>/<summary>/<sub> GitHub allows; the tests check separately that log
  // text never brings HTML of its own.
  return execFileSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tasklist'], {
    input: markdown,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface RenderedPage {
  /** Per ```mermaid block: null when it rendered, else Mermaid's error. */
  chartErrors: Array<string | null>;
  /** Height of the whole rendered document, in CSS pixels. */
  height: number;
  /** Top of the first element whose text contains `text`, from the top of the document; null when none. */
  topOf: (text: string) => Promise<number | null>;
  screenshot: (path: string) => Promise<void>;
  /** Per rendered chart, the labels of its time axis's ticks as drawn. */
  axisLabels: () => Promise<string[][]>;
  /** Per rendered chart, the names of its tasks as drawn. */
  taskLabels: () => Promise<string[][]>;
  /** Tables wider than the column they are in (GitHub's stylesheet lets them scroll sideways). */
  overflowingTables: () => Promise<number>;
}

/** The part of mermaid's browser API the page uses. */
interface MermaidApi {
  initialize(config: { startOnLoad: boolean; securityLevel: string; theme: string }): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

export class GitHubRenderer {
  private browser: Browser | null = null;
  private profile: string | null = null;
  private page: Page | null = null;

  async start(): Promise<this> {
    needsRealComponent('headless Chromium (github-render)');
    this.profile = mkdtempSync(join(tmpdir(), 'bxd-chromium-'));
    try {
      this.browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: false,
        // The project's flags for a headless Chromium that talks to nothing but the page it is given.
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${this.profile}`,
        ],
        timeout: 60_000,
      });
    } catch (error) {
      // The caller has no renderer to stop() when start() throws: the profile goes here.
      await this.stop();
      throw error;
    }
    return this;
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.browser = null;
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }

  /** Renders Markdown as GitHub would, in a column `width` pixels wide. */
  async render(markdown: string, width = PAGE_WIDTH): Promise<RenderedPage> {
    if (!this.browser) throw new Error('the renderer was not started');
    await this.page?.close();
    const page = (this.page = await this.browser.newPage());
    await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
    // No network: everything the page needs is inlined.
    await page.setRequestInterception(true);
    page.on('request', (request) => void (request.url().startsWith('data:') || request.url() === 'about:blank' ? request.continue() : request.abort()));
    const css = readFileSync(join(ROOT, 'node_modules', 'github-markdown-css', 'github-markdown-light.css'), 'utf8');
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
      body { margin: 0; background: #fff; }
      .markdown-body { box-sizing: border-box; width: ${width}px; padding: 16px 24px; }
    </style></head><body><article class="markdown-body" id="body">${gfmToHtml(markdown)}</article></body></html>`;
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ path: join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
    // GitHub shows each ```mermaid block as the rendered chart; a chart that does not parse shows an error.
    const chartErrors = await page.evaluate(async () => {
      const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
      const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
      const errors: Array<string | null> = [];
      for (const [i, code] of blocks.entries()) {
        const pre = code.parentElement!;
        const text = code.textContent ?? '';
        try {
          const { svg } = await mermaid.render(`chart${i}`, text);
          const div = document.createElement('div');
          div.className = 'mermaid-chart';
          div.innerHTML = svg;
          pre.replaceWith(div);
          errors.push(svg.includes('Syntax error') ? 'Syntax error in the rendered chart' : null);
        } catch (error) {
          errors.push(String((error as Error)?.message ?? error));
        }
      }
      return errors;
    });
    const height = await page.evaluate(() => document.getElementById('body')!.getBoundingClientRect().height);
    return {
      chartErrors,
      height,
      topOf: (text: string) =>
        page.evaluate((wanted: string) => {
          const body = document.getElementById('body')!;
          const all = [...body.querySelectorAll('h1, h2, h3, h4, p, li, summary, td, pre')];
          const hit = all.find((el) => (el.textContent ?? '').includes(wanted));
          return hit ? hit.getBoundingClientRect().top - body.getBoundingClientRect().top : null;
        }, text),
      screenshot: async (path: string) => {
        await page.screenshot({ path, fullPage: true });
      },
      axisLabels: () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.mermaid-chart svg')].map((svg) => [...svg.querySelectorAll('.tick text')].map((t) => t.textContent ?? '')),
        ),
      taskLabels: () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.mermaid-chart svg')].map((svg) =>
            [...svg.querySelectorAll('text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft')].map((t) => t.textContent ?? ''),
          ),
        ),
      overflowingTables: () => page.evaluate(() => [...document.querySelectorAll('#body table')].filter((t) => t.scrollWidth > t.clientWidth + 1).length),
    };
  }
}
