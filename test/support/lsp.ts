/** A minimal Language Server Protocol client over stdio, for driving yaml-language-server. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Message = { id?: number; method?: string; params?: any; result?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON-RPC payloads

export class LspClient {
  readonly #server: ChildProcessWithoutNullStreams;
  #buffer = Buffer.alloc(0);
  #id = 0;
  readonly #pending = new Map<number, (result: unknown) => void>();
  readonly #listeners: Array<(message: Message) => void> = [];

  constructor(command: string, args: string[], readonly settings: Record<string, unknown>) {
    this.#server = spawn(command, args);
    this.#server.stdout.on('data', (chunk: Buffer) => this.#receive(chunk));
  }

  #send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.#server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.#server.stdin.write(body);
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const header = this.#buffer.indexOf('\r\n\r\n');
      if (header === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, header).toString())?.[1]);
      if (this.#buffer.length < header + 4 + length) return;
      const message = JSON.parse(this.#buffer.subarray(header + 4, header + 4 + length).toString()) as Message;
      this.#buffer = this.#buffer.subarray(header + 4 + length);
      if (message.id !== undefined && message.method === undefined) {
        this.#pending.get(message.id)?.(message.result);
        this.#pending.delete(message.id);
      } else if (message.method === 'workspace/configuration') {
        const items = (message.params?.items ?? []) as Array<{ section?: string }>;
        this.#send({ id: message.id, result: items.map((i) => this.settings[i.section ?? ''] ?? null) } as Message);
      } else if (message.id !== undefined) {
        this.#send({ id: message.id, result: null } as Message);
      }
      for (const listener of this.#listeners) listener(message);
    }
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = ++this.#id;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve as (result: unknown) => void);
      this.#send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.#send({ method, params });
  }

  /** The next notification of `method` that `accept` accepts. */
  next<T>(method: string, accept: (params: T) => boolean, timeout = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeout} ms`)), timeout);
      this.#listeners.push((message) => {
        if (message.method === method && accept(message.params as T)) {
          clearTimeout(timer);
          resolve(message.params as T);
        }
      });
    });
  }

  close(): void {
    this.#server.kill();
  }
}
