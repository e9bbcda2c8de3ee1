// Preloaded with --import by the offline test: any attempt to reach the network is recorded in the
// file named by NVCF_KEYLINT_NETWORK_LOG and fails.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';

const log = process.env.NVCF_KEYLINT_NETWORK_LOG;
const deny = (what) => (...args) => {
  if (log) appendFileSync(log, `${what} ${JSON.stringify(args[0] ?? null)?.slice(0, 200)}\n`);
  throw new Error(`network access attempted: ${what}`);
};
for (const [module, names] of [[net, ['connect', 'createConnection']], [tls, ['connect']], [http, ['request', 'get']], [https, ['request', 'get']], [dns, ['lookup', 'resolve', 'resolve4', 'resolve6']]]) {
  for (const name of names) module[name] = deny(`${name}`);
}
net.Socket.prototype.connect = deny('Socket.connect');
globalThis.fetch = deny('fetch');
