/**
 * `docker run [options] IMAGE [COMMAND ...]` (and podman's and nerdctl's, which take the same
 * options): CI jobs often run the `ngc` CLI from a container rather than installing it. The
 * command runs with the container's environment, not the caller's: only `-e NAME=value` and
 * `-e NAME` (passed through) reach it, and an `--env-file` may set anything.
 */
import { options, type CommandWord } from './http-commands.js';

export const CONTAINER_RUNTIMES = new Set(['docker', 'podman', 'nerdctl']);

/** `docker run`'s options that take a value (docker 27's `docker run --help`). */
const VALUE_OPTIONS = new Set([
  '-a', '--attach', '-c', '--cpu-shares', '-e', '--env', '-h', '--hostname', '-l', '--label', '-m', '--memory', '-p',
  '--publish', '-u', '--user', '-v', '--volume', '-w', '--workdir', '--add-host', '--annotation', '--blkio-weight',
  '--blkio-weight-device', '--cap-add', '--cap-drop', '--cgroup-parent', '--cgroupns', '--cidfile', '--cpu-period',
  '--cpu-quota', '--cpu-rt-period', '--cpu-rt-runtime', '--cpus', '--cpuset-cpus', '--cpuset-mems', '--detach-keys',
  '--device', '--device-cgroup-rule', '--device-read-bps', '--device-read-iops', '--device-write-bps',
  '--device-write-iops', '--dns', '--dns-option', '--dns-search', '--domainname', '--entrypoint', '--env-file',
  '--expose', '--gpus', '--group-add', '--health-cmd', '--health-interval', '--health-retries',
  '--health-start-interval', '--health-start-period', '--health-timeout', '--ip', '--ip6', '--ipc', '--isolation',
  '--kernel-memory', '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt', '--mac-address',
  '--memory-reservation', '--memory-swap', '--memory-swappiness', '--mount', '--name', '--network', '--net',
  '--network-alias', '--net-alias', '--oom-score-adj', '--pid', '--pids-limit', '--platform', '--pull', '--restart',
  '--runtime', '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout', '--storage-opt', '--sysctl',
  '--tmpfs', '--ulimit', '--userns', '--uts', '--volume-driver', '--volumes-from',
]);

/** Its options that take none. Any other option could take a value, so the command is not read. */
const FLAGS = new Set([
  '-d', '--detach', '-i', '--interactive', '-t', '--tty', '-P', '--publish-all', '-q', '--quiet', '--rm', '--init',
  '--privileged', '--read-only', '--disable-content-trust', '--no-healthcheck', '--oom-kill-disable', '--sig-proxy',
  '--help',
]);

export interface ContainerRun<W> {
  /** Each `-e` / `--env` value, in order: `NAME=value` or a bare `NAME` passed through. */
  env: Array<CommandWord<W>>;
  /** An `--env-file` was given: any variable may be set. */
  envFile: boolean;
  /** The command the container runs (`--entrypoint` first, then what follows the image). */
  command: Array<CommandWord<W>>;
}

/** Reads the words after `docker`: `run ...` or `container run ...`. */
export function parseContainerRun<W>(args: Array<CommandWord<W>>): ContainerRun<W> | undefined {
  const start = args[0]?.text === 'run' ? 1 : args[0]?.text === 'container' && args[1]?.text === 'run' ? 2 : -1;
  if (start === -1) return undefined;
  const rest = args.slice(start);
  const env: Array<CommandWord<W>> = [];
  let envFile = false;
  let entrypoint: CommandWord<W> | undefined;
  for (const option of options(rest, VALUE_OPTIONS)) {
    if (option.positional) {
      // The image; everything after it is the container's command.
      const command = rest.slice(rest.indexOf(option.positional) + 1);
      return { env, envFile, command: entrypoint ? [entrypoint, ...command] : command };
    }
    const name = option.name as string;
    if (!VALUE_OPTIONS.has(name) && !FLAGS.has(name)) return undefined;
    if (VALUE_OPTIONS.has(name) && !option.value) return undefined;
    if ((name === '-e' || name === '--env') && option.value) env.push(option.value);
    else if (name === '--env-file') envFile = true;
    else if (name === '--entrypoint') entrypoint = option.value;
  }
  return undefined;
}
