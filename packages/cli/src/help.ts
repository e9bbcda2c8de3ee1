import { FORMAT_NAMES } from './formatters/index.js';
import { MANIFEST_PATTERNS } from './discover.js';
import { CODE_EXTENSIONS } from './lint-code.js';

export const MAIN_HELP = `Usage: nvcf-keylint [options] [paths...]
       nvcf-keylint explain --key NAME --action ACTION [--function ID[:VERSION]] [--manifest FILE]

Checks NVCF Service Key manifests against the scope requirements of the NVCF
Service Keys page (missing scopes, resource types that get 403, unknown names),
and the NVCF calls in JS/TS code and CI files against the keys they use.

Paths default to ".". Directories are searched for ${MANIFEST_PATTERNS.map((p) => p.replace('**/', '')).join(', ')},
JS/TS files (${CODE_EXTENSIONS.join(', ')}), and CI files and scripts: GitHub
Actions workflows and action.yml, .gitlab-ci.yml, *.gitlab-ci.yml and YAML under
.gitlab/ci/, *.sh, *.bash and scripts with a sh/bash shebang, Makefiles and
*.mk, Dockerfiles and Containerfiles. .gitignore
is honoured, node_modules skipped, symbolic links not followed. A file named on
the command line is linted as code or a CI file when its name (or shebang) says
so, else as a manifest when it is YAML or JSON; any other named file (LICENSE,
README.md) is skipped with a warning. With no manifest among the paths, the
nearest nvcf-keys.{yaml,yml,json} above the linted files is used.

Options:
  -f, --format NAME     Output format: ${FORMAT_NAMES.join(', ')} (default: stylish).
                        json is the shape of ESLint's json formatter; sarif is
                        SARIF 2.1.0 for code scanning; github prints workflow
                        commands (pull request annotations); junit is JUnit XML.
  -o, --output-file FILE
                        Write the report to FILE instead of standard output.
      --color           Colour the output even when it is not a terminal.
      --no-color        Never colour the output.
      --quiet           Report errors only, not warnings.
      --max-warnings N  Fail (exit 1) when there are more than N warnings.
      --fix             Fix manifests in place: add the scopes that declared
                        actions and detected calls need, correct misspelt
                        scopes and actions with one obvious reading. Never
                        removes a scope. Comments and formatting are kept.
      --fix-dry-run     Print the fixes as a diff (json: an "output" property)
                        without writing.
      --no-warn-ignored Do not warn about named files that are skipped (neither
                        code, a CI file, a script nor YAML/JSON; for hooks
                        that pass every staged file).
  -c, --config FILE     Configuration file (default: nvcf-keylint.config.json,
                        .yaml or .yml, or "nvcf-keylint" in package.json).
      --cache           Reuse the results of unchanged files (a code file is
                        linted again when its content, the keys its calls
                        use or the modules it imports constants from
                        change).
      --cache-location FILE
                        Where the cache lives (default: .nvcf-keylint-cache).
      --baseline FILE   Report only findings that are not in this baseline.
      --baseline-write FILE
                        Record today's findings as the baseline, and exit 0.
  -h, --help            Show this help.
  -v, --version         Print the version.

Commands:
  explain               Would a key be allowed an action? Why is the call at
                        FILE:LINE allowed or not? "nvcf-keylint explain --help".
  init                  Write a least-privilege manifest from the project's
                        NVCF calls. "nvcf-keylint init --help".

Exit codes: 0 no errors; 1 errors found, or more warnings than --max-warnings;
2 usage or internal error. Key material (nvapi-...) is never printed.
`;

export const EXPLAIN_HELP = `Usage: nvcf-keylint explain --key NAME --action ACTION [--function ID[:VERSION]] [--manifest FILE] [--format json]
       nvcf-keylint explain FILE:LINE [--format json]

Answers "would this call be allowed?" the way the Service Keys page's
Troubleshooting section would: every reason the key would get 403 (a missing
scope, an unsupported resource type, a function the key does not cover), each
with its fix. When every check passes it says so, and reminds you that key
changes take up to 15 minutes to propagate.

With FILE:LINE, it explains the NVCF call at that line of code or a CI file:
the call, the credential it uses, the manifest key that credential names, what
the call requires, the verdict and the fix.

Options:
      --key NAME          The key's name in the manifest.
      --action ACTION     An action id, e.g. deploy-function, invoke-function.
      --function ID[:V]   The function (and version) the call targets.
      --manifest FILE     The manifest to read (default: manifests found under ".").
  -f, --format NAME       text (default) or json: {allowed, reasons: [{ruleId, message}]}.
  -h, --help              Show this help.

Exit codes: 0 allowed; 1 denied; 2 usage error (unknown key or action, unreadable
manifest, no NVCF call at FILE:LINE).
`;

export const INIT_HELP = `Usage: nvcf-keylint init [paths...] [--output FILE] [--force]

Scans the project (code, CI files and scripts) and writes a least-privilege key
manifest: a key per credential its NVCF calls use, with exactly the scopes those
calls need, the narrowest resource type that supports all of them, the functions
when every call names literal ones, and a comment saying where the key is used.

Options:
  -o, --output FILE   Where to write (default: nvcf-keys.yaml).
      --force         Replace the file if it exists (it is never replaced otherwise).
  -h, --help          Show this help.
`;
