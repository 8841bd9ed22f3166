import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Runtime } from '../../src/runtime';
import { testConfig } from './test-config';
import { loginAs, startTestRuntime } from './test-runtime';

/**
 * Issue 14: the app and the engine host connect to nothing but the configured addresses (database, engine, app),
 * all on 127.0.0.1 here. Every 100 ms for a few seconds of work (logins, task lists, the workers' polls, the
 * host's job executor), the TCP and UDP sockets of both processes are read from /proc (no root, no tools);
 * any peer outside 127.0.0.0/8 or ::1 — a telemetry call, an update check, a DNS lookup — fails the test.
 */
interface Peer {
  pid: number;
  proto: string;
  remote: string;
}

/** socket inodes → pid, for the given pids */
function socketInodes(pids: number[]): Map<string, number> {
  const inodes = new Map<string, number>();
  for (const pid of pids) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1]) inodes.set(m[1], pid);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return inodes;
}

/** "0100007F:1F90" → "127.0.0.1:8080"; IPv6 kept as hex words, with ::1 and ::ffff:127.x recognised */
function decode(hex: string): { address: string; loopback: boolean; unspecified: boolean } {
  const [addr = '', port = '0'] = hex.split(':');
  const p = parseInt(port, 16);
  if (addr.length === 8) {
    const bytes = (addr.match(/../g) ?? []).map((b) => parseInt(b, 16)).reverse();
    return { address: `${bytes.join('.')}:${p}`, loopback: bytes[0] === 127, unspecified: /^0+$/.test(addr) };
  }
  const loopback = addr === '00000000000000000000000001000000' || /^0{16}FFFF0000..00007F$/i.test(addr);
  return { address: `[${addr}]:${p}`, loopback, unspecified: /^0+$/.test(addr) };
}

/** the non-loopback peers of the pids' sockets (listening sockets and unconnected UDP skipped) */
function outboundPeers(pids: number[]): Peer[] {
  const inodes = socketInodes(pids);
  const peers: Peer[] = [];
  for (const proto of ['tcp', 'tcp6', 'udp', 'udp6']) {
    const lines = readFileSync(`/proc/net/${proto}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      const [remoteHex = '', state = '', inode = ''] = [cols[2], cols[3], cols[9]];
      const pid = inodes.get(inode);
      if (pid === undefined || state === '0A') continue; // not ours, or TCP LISTEN
      const remote = decode(remoteHex);
      if (!remote.loopback && !remote.unspecified) peers.push({ pid, proto, remote: remote.address });
    }
  }
  return peers;
}

/** the pid listening on 127.0.0.1:port (the engine host) */
function listenerPid(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const proto of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/net/${proto}`, 'utf8').trim().split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] !== '0A' || !cols[1]?.endsWith(`:${hexPort}`)) continue;
      for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
        try {
          if (socketInodes([Number(pid)]).has(cols[9] ?? '')) return Number(pid);
        } catch {
          // a process we may not read, or gone
        }
      }
    }
  }
  throw new Error(`nikt nie nasłuchuje na porcie ${port}`);
}

describe('no outbound connections (issue 14)', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime.stop();
  });

  it('the app and the engine host talk only to 127.0.0.1 while they work', async () => {
    const hostPid = listenerPid(Number(testConfig().ENGINE_PORT));
    expect(hostPid).not.toBe(process.pid);
    const pids = [process.pid, hostPid];
    const seen: Peer[] = [];
    let loopbackSamples = 0;
    const sample = () => {
      seen.push(...outboundPeers(pids));
      if (socketInodes(pids).size > 0) loopbackSamples += 1;
    };
    const work = (async () => {
      const clerk = await loginAs(runtime, 'it-outbound-clerk', ['first-contact']);
      for (let i = 0; i < 5; i += 1) {
        expect((await clerk.request('GET', '/api/tasks?group=first-contact&pageSize=10')).status).toBe(200);
        await sleep(500);
      }
    })();
    const until = Date.now() + 6_000;
    while (Date.now() < until) {
      sample();
      await sleep(100);
    }
    await work;
    sample();
    expect(loopbackSamples).toBeGreaterThan(10);
    expect([
      ...new Set(seen.map((p) => `${p.pid === hostPid ? 'host' : 'app'} ${p.proto} ${p.remote}`)),
    ]).toEqual([]);
  });

  it('tells loopback peers from others in /proc/net rows (decoded here; no packet is sent anywhere)', () => {
    expect(decode('0100007F:1F90')).toEqual({
      address: '127.0.0.1:8080',
      loopback: true,
      unspecified: false,
    });
    expect(decode('010200C0:01BB')).toEqual({
      address: '192.0.2.1:443',
      loopback: false,
      unspecified: false,
    });
    expect(decode('0000000000000000FFFF00000100007F:0050').loopback).toBe(true);
    expect(decode('00000000000000000000000001000000:0050').loopback).toBe(true);
  });
});
