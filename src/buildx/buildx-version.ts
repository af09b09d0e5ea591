import { docker } from './docker-cli.js';

export interface BuildxVersion {
  major: number;
  minor: number;
  patch: number;
  raw: string;
}

/** `github.com/docker/buildx v0.29.1 b128...` or Debian's `github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4`. */
export function parseBuildxVersion(output: string): BuildxVersion | null {
  const match = /buildx\s+v?(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), raw: `${match[1]}.${match[2]}.${match[3]}` };
}

export function atLeast(version: BuildxVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

/** What the history source needs: `buildx history` came in 0.20, `history inspect --format json` in 0.21. */
export const HISTORY_MIN = { major: 0, minor: 20 };
export const INSPECT_JSON_MIN = { major: 0, minor: 21 };

let detected: Promise<BuildxVersion | string> | null = null;

/** The buildx version, detected once per process; a string says why there is none. */
export function detectBuildx(): Promise<BuildxVersion | string> {
  detected ??= (async () => {
    try {
      const result = await docker(['buildx', 'version'], { timeoutMs: 30_000 });
      if (result.exitCode !== 0) return `docker buildx is not available (${firstLine(result.stderr) || `exit code ${result.exitCode}`})`;
      return parseBuildxVersion(result.stdout) ?? `could not read the buildx version from "${firstLine(result.stdout)}"`;
    } catch (error) {
      return `docker is not installed on this runner (${(error as Error).message.split('\n')[0]})`;
    }
  })();
  return detected;
}

/** For tests: forget the detected version. */
export function resetBuildxDetection(): void {
  detected = null;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}
