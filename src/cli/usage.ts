import { TOOL_NAME } from '../version.js';

// The usage texts of the commands that are loaded on demand (doctor-command.ts, history-command.ts):
// the main usage prints them, and must not load the doctor (its YAML parser) or the history code to do so.

export const HISTORY_USAGE = `       ${TOOL_NAME} history LOG... [--format text|markdown|json]
         each LOG one run: its \`gh run view --log\` file, or a folder of its job logs`;

export const DOCTOR_USAGE = `usage: ${TOOL_NAME} doctor [--workflow FILE...] [--workspace DIR] [--skip builder,resources,registry,workflow]
       [--image REF...] [--warn-free-gb N] [--fail-free-gb N] [--format text|markdown|json] [--report-file PATH]
       [--log PAST_RUN.log] [--fail-on never|error|warning] [--github-token TOKEN] [--repository OWNER/NAME]

Checks the workflow files (offline), the buildx builder, free disk and the build cache, and that
the given images exist in their registry. With --log (a past run's saved log), also whether buildx
and BuildKit are the versions that run had. Read-only: nothing is built, pushed or started.
Without --image, the images are those the workflows' docker/metadata-action steps name.
With a GitHub token (GITHUB_TOKEN, or --github-token) the ghcr.io packages' versions are listed
and the token's scopes checked; GITHUB_API_URL sets the API (default https://api.github.com).
--repository (default GITHUB_REPOSITORY) stands for \${{ github.repository }} in image names.

Exit status: 0 checked, 1 a finding met --fail-on, 2 bad usage.`;
