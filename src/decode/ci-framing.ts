// What CI systems and copy-paste put in front of the lines a build printed, when the log is not a
// GitHub Actions log (those are decoded by the line decoder itself). Removing it lets the parser
// read a GitLab, Jenkins, Buildkite or CircleCI log, or a paste cut mid-timestamp, like a terminal's.

const PREFIXES: RegExp[] = [
  // GitLab: `section_start:1600000000:step_script` / `section_end:...` markers (the `\r\e[0K` after
  // them is already a line break and an ANSI code removed).
  /^section_(?:start|end):\d+:[\w.-]+(?:\[[^\]]*\])?/,
  // GitLab runner 16+ timestamps each line: `2024-01-02T03:04:05.123456Z 00O ` (stream, `+` continues).
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z \d{2}[OE]\+? ?/,
  // Buildkite's timestamp marker, its escape lost in a paste: `_bk;t=1600000000000`.
  /^_bk;t=\d+\u0007?/,
  // TeamCity's build log: `[10:51:35] :\t [Step 2/3] ` (`W:` and `E:` for warnings and errors,
  // `i:` for its own messages), or as its web page copies it, `[10:51:35][Step 2/3] `; the time goes
  // with the marker, so it comes before Jenkins' below.
  /^\[\d{2}:\d{2}:\d{2}\](?:[WEi]:|\s:|(?=\[Step \d))\s*(?:\[Step \d+\/\d+\] ?)?/,
  // Jenkins' timestamper and many tools: `[2023-01-02T03:04:05.678Z] `, `[10:51:35] `, `[10:51:35.123]`.
  /^\[(?:\d{4}-\d{2}-\d{2}[T ])?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\] ?/,
  // The Dev Containers CLI (VS Code, `devcontainer build`) puts the milliseconds since it started
  // before each line it relays from docker: `[251629 ms]  ---> Running in 8ccd15e86ddd`. One space
  // goes with the marker; the legacy builder's own indentation stays.
  /^\[\d+ ms\] ?/,
  // A runner timestamp cut at its start by a paste (`.1234567Z `, `3:04:05.1234567Z `).
  /^[\d:T-]{0,19}\.\d{3,9}Z (?=\S)/,
  // Google Cloud Build names the build step before each line: `Step #1 - "build": `, `Step #0: `
  // (never the legacy builder's `Step 3/14 : `, which has no `#`).
  /^Step #\d+(?: - "[^"]*")?: /,
  // AWS CodeBuild and Drone: `[Container] 2023/01/02 03:04:05.678 `.
  /^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /,
  // A date and time, then a space: log shippers and exports (`2024-03-01 10:11:12.123 | `,
  // `2024/03/01 10:11:12 UTC `), Codespaces' creation log (`2022-10-23 11:51:21.161Z: #11 ...`). A program's own
  // dated lines lose only their date.
  /^\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z:?|[+-]\d{2}:?\d{2}| UTC)?(?: \|)? /,
  // A time alone, then a space: Jenkins' timestamper in its default look (`22:30:19 Step 6/10 : RUN ...`,
  // `22:30:19  ---> Running in ...`: one space goes, the legacy builder's own indentation stays).
  /^\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})? /,
  // Visual Studio's project number before each line it relays from docker (`1>Step 3/9 : RUN ...`,
  // `1> ---> Running in ...`); not a shell's redirection (`2>&1`).
  /^\d{1,3}>(?![&>])/,
  // A date and time, then a tab (Bamboo, TeamCity exports: `09-Apr-2018 05:40:02\t`).
  /^[\w/.:-]{6,12}[ T]\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\t/,
  // PowerShell names the native command before the first line it wrote to stderr (`docker : unknown blob`,
  // then its `+ CategoryInfo ... NativeCommandError` lines): the message is docker's own.
  /^(?:docker|docker-compose)(?:\.exe)? : (?=\S)/,
];
// A paste quoted whole (a Markdown blockquote, an e-mail reply): one `>` level before each line.
const QUOTE = /^[ \t]*> ?/;
// BuildKit's error block names the failed step on a line of its own that starts with `>` (` > [2/3] RUN make:`,
// ` > exporting to image:`): a paste that starts there is not quoted (one that starts with it quoted, `>  > [2/3] ...:`, is),
// and inside a quoted paste such a line keeps its `>` (quoted, it would have two).
const ERROR_BLOCK_HEADER = /^[ \t]*> (?![ \t]*>).*:\s*$/;
// Tools whose own lines start with `>`: npm's and pnpm's banner of the script they run (`> app@1.0.0 docker:build`, then
// `> docker build -t app .`), Gradle's tasks (`> Task :app:dockerBuildImage`, `> Configure project :app`).
const OWN_ANGLE_LINE = /^[ \t]*> (?:(?:@[\w.-]+\/)?[\w.-]+@\S+ \S|Task :|Configure project\b)/;

/**
 * Whether a paste whose first line with text is `text` is quoted whole (`> #5 [2/3] RUN make`, `> Step 2/6 :
 * RUN ...`): then each line's first `>` level is the quoting's (unquote), not the log's, until a line with text
 * comes without one (the quote ended).
 */
export function startsQuotedPaste(text: string): boolean {
  return QUOTE.test(text) && !ERROR_BLOCK_HEADER.test(text) && !OWN_ANGLE_LINE.test(text);
}

/** Whether a line with text still belongs to a quote (starts with `>`). */
export function isQuotedLine(text: string): boolean {
  return QUOTE.test(text);
}

/** A line of a quoted paste without its quoting (one level: a quoted error block keeps its own ` > [2/3] RUN ...:`). */
export function unquote(text: string): string {
  return ERROR_BLOCK_HEADER.test(text) ? text : text.replace(QUOTE, '');
}

// BuildKit's vertex lines pasted as shell comments or Markdown (`# #12 1.542 ...`).
const COMMENTED_VERTEX = /^# (?=#\d+ )/;

// Logs copied from a web page that escaped them (Azure DevOps, some CI exports): `&#x27;`, `&quot;`.
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(quot|amp|lt|gt|apos));/g;
const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** The line with HTML character references decoded, when a web page escaped it. */
export function unescapeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** s(ection), S(tep #), digits, _ (buildkite), [ (brackets), . or : (a cut timestamp), d(ocker :): what a framing starts with. */
function mayStartFraming(code: number): boolean {
  return code === 0x73 || code === 0x53 || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x5b || code === 0x2e || code === 0x3a || code === 0x64;
}

/**
 * The line without CI framing. Cheap for the common case: only a line that starts with one of the
 * characters a framing starts with is tested.
 */
export function stripCiFraming(text: string): string {
  const first = text.charCodeAt(0);
  // A paste indented whole (a Markdown code block, a quoted mail) keeps its framing after the blanks
  // (`    docker : unknown blob`): it goes, the blanks stay (the parser reads lines without them). Most
  // indented lines are a tool's own (the tty view's ` => `, the legacy builder's ` ---> `): looked at no further.
  if (first === 0x20 || first === 0x09) {
    let at = 1;
    while (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09) at++;
    const next = text.charCodeAt(at);
    if (next !== 0x23 && !mayStartFraming(next)) return text;
    const rest = text.slice(at);
    const stripped = stripCiFraming(rest);
    return stripped === rest ? text : text.slice(0, at) + stripped;
  }
  if (first === 0x23 /* # */) return text.charCodeAt(1) === 0x20 ? text.replace(COMMENTED_VERTEX, '') : text;
  if (!mayStartFraming(first)) return text;
  // Most lines that start with `d` are no framing: only PowerShell's `docker : ` is (the scanner's hot path).
  if (first === 0x64 && !text.startsWith('docker')) return text;
  let out = text;
  for (const prefix of PREFIXES) {
    const match = prefix.exec(out);
    if (match && match[0].length > 0) out = out.slice(match[0].length);
  }
  return out;
}
